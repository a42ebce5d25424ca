import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { DirectoryGroups } from "@/components/directory-people/directory-groups";
import { requireDirectoryPage } from "@/lib/directories/require-directory-page";
import { listDirectoryGroups } from "@/lib/directories/list-directory-groups";
import { directoryGroupsQueryOptions } from "@/lib/queries/directories/directory-groups-query";

export const metadata: Metadata = { title: "Directory groups" };

export default async function DirectoryGroupsPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const { directory } = await requireDirectoryPage((await params).directoryId);
  const db = getDb();
  const queryClient = new QueryClient();
  await queryClient.prefetchInfiniteQuery({
    ...directoryGroupsQueryOptions(directory.id, ""),
    queryFn: () => listDirectoryGroups(db, directory.id),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DirectoryGroups directoryId={directory.id} />
    </HydrationBoundary>
  );
}
