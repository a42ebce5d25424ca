import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { DirectoryMappings } from "@/components/directory-mappings/directory-mappings";
import { requireDirectoryPage } from "@/lib/directories/require-directory-page";
import { listDirectoryGroups } from "@/lib/directories/list-directory-groups";
import { listGroupMappings } from "@/lib/mappings/group-mappings";
import { directoryGroupsQueryOptions } from "@/lib/queries/directories/directory-groups-query";
import { listTeams } from "@/lib/teams/list-teams";

export const metadata: Metadata = { title: "Group mappings" };

export default async function DirectoryMappingsPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const { access, directory } = await requireDirectoryPage((await params).directoryId);
  const db = getDb();
  const queryClient = new QueryClient();
  const [mappings, teams] = await Promise.all([
    listGroupMappings(db, directory.id),
    listTeams(db, access.workspace.id),
    queryClient.prefetchInfiniteQuery({ ...directoryGroupsQueryOptions(directory.id, ""), queryFn: () => listDirectoryGroups(db, directory.id) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DirectoryMappings directoryId={directory.id} mappings={mappings} teams={teams.map(({ id, name }) => ({ id, name }))} />
    </HydrationBoundary>
  );
}
