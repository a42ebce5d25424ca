import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/current-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";
import { listDirectoryUsers, listDirectoryUsersInput } from "@/lib/directories/list-directory-users";

type Context = { params: Promise<{ directoryId: string }> };

// GET /api/console/directories/{directoryId}/users?search=&status=&cursor= – one page of the directory's members
export const GET = withAdmin<Context>(async (request, { params }, access) => {
  const db = getDb();
  const directory = await findWorkspaceDirectory(db, access.workspace.id, (await params).directoryId);
  if (!directory) return Response.json({ error: "Directory not found." }, { status: 404 });
  const input = listDirectoryUsersInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!input.success) return Response.json({ error: "Invalid search, status or page." }, { status: 400 });
  return Response.json(await listDirectoryUsers(db, directory, input.data));
});
