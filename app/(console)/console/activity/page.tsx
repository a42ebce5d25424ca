import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { ActivityClient } from "@/components/activity/activity-client";
import { listActivity, listActivityInput } from "@/lib/activity/list-activity";
import { requireAdminPage } from "@/lib/auth/current-access";
import { listDirectories } from "@/lib/directories/list-directories";
import { readActivityFilter } from "@/lib/queries/activity/activity-filter";
import { activityQueryOptions } from "@/lib/queries/activity/activity-query";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const access = await requireAdminPage();
  const db = getDb();
  const params = await searchParams;
  const filter = readActivityFilter({ get: (name) => [params[name]].flat()[0] ?? null });
  // The server renders in UTC, as the client does until it has hydrated (see useClientTimeZone).
  const input = listActivityInput.safeParse({ ...filter, tz: "UTC" });

  const queryClient = new QueryClient();
  const [directories] = await Promise.all([
    listDirectories(db, { workspaceId: access.workspace.id }),
    // An invalid filter is left to the client, which shows the API's error in place.
    input.success &&
      queryClient.prefetchInfiniteQuery({ ...activityQueryOptions(filter, "UTC"), queryFn: () => listActivity(db, access.workspace.id, input.data) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ActivityClient directories={directories.map(({ id, name }) => ({ id, name }))} />
    </HydrationBoundary>
  );
}
