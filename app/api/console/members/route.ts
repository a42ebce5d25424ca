import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/current-access";
import { listMembers, listMembersInput } from "@/lib/members/list-members";

// GET /api/console/members?search=&cursor= – one page of the workspace's members
export const GET = withAdmin(async (request, _context, access) => {
  const input = listMembersInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!input.success) return Response.json({ error: "Invalid search or page." }, { status: 400 });
  return Response.json(await listMembers(getDb(), access.workspace.id, input.data));
});
