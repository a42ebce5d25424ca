import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/current-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";
import { lastRequestOf } from "@/lib/directories/test-connection";

type Context = { params: Promise<{ directoryId: string }> };

// GET /api/console/directories/{id}/last-request – the last request seen from the directory's IdP
export const GET = withAdmin<Context>(async (_request, { params }, access) => {
  const directory = await findWorkspaceDirectory(getDb(), access.workspace.id, (await params).directoryId);
  if (!directory) return Response.json({ error: "This directory does not exist in your workspace." }, { status: 404 });
  return Response.json(lastRequestOf(directory), { headers: { "cache-control": "no-store" } });
});
