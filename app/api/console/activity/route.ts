import { getDb } from "@/db/client";
import { withAdmin } from "@/lib/auth/current-access";
import { listActivity, listActivityInput } from "@/lib/activity/list-activity";

// GET /api/console/activity?kind=&errorsOnly=&directoryId=&memberId=&from=&to=&tz=&search=&cursor= – one page, newest first
export const GET = withAdmin(async (request, _context, access) => {
  const input = listActivityInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!input.success) return Response.json({ error: "Invalid filter or page." }, { status: 400 });
  return Response.json(await listActivity(getDb(), access.workspace.id, input.data));
});
