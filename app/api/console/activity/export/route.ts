import { getDb } from "@/db/client";
import { streamActivityCsv } from "@/lib/activity/activity-csv";
import { activityFilterInput } from "@/lib/activity/list-activity";
import { withAdmin } from "@/lib/auth/current-access";

// GET /api/console/activity/export?<the page's filters> – the filtered log as a CSV download
export const GET = withAdmin(async (request, _context, access) => {
  const filter = activityFilterInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!filter.success) return Response.json({ error: "Invalid filter." }, { status: 400 });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(streamActivityCsv(getDb(), access.workspace.id, filter.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="rollcall-activity-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
});
