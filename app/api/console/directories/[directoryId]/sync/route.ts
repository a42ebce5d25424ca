import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/current-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";
import { syncOverviewData } from "@/lib/directories/sync-overview-data";
import { syncOverview } from "@/lib/sync";

type Context = { params: Promise<{ directoryId: string }> };

// GET /api/console/directories/{directoryId}/sync – the schedule, the run in progress and the latest runs
export const GET = withAdmin<Context>(async (_request, { params }, access) => {
  const db = getDb();
  const directory = await findWorkspaceDirectory(db, access.workspace.id, (await params).directoryId);
  if (!directory) return Response.json({ error: "Directory not found." }, { status: 404 });
  return Response.json(syncOverviewData(await syncOverview(db, directory.id)));
});
