import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/current-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";
import { listGroupMembers, listGroupMembersInput } from "@/lib/directories/list-group-members";

type Context = { params: Promise<{ directoryId: string; groupId: string }> };

// GET /api/console/directories/{directoryId}/groups/{groupId}/members?search=&cursor= – one page of a group's members
export const GET = withAdmin<Context>(async (request, { params }, access) => {
  const { directoryId, groupId } = await params;
  const db = getDb();
  const directory = await findWorkspaceDirectory(db, access.workspace.id, directoryId);
  if (!directory) return Response.json({ error: "Directory not found." }, { status: 404 });
  const input = listGroupMembersInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!input.success) return Response.json({ error: "Invalid search or page." }, { status: 400 });
  const page = await listGroupMembers(db, directory.id, groupId, input.data);
  if (!page) return Response.json({ error: "Group not found." }, { status: 404 });
  return Response.json(page);
});
