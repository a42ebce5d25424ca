import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { DirectoryGroups } from "@/components/directory-people/directory-groups";
import { requireAdminPage } from "@/lib/auth/current-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";
import { listDirectoryGroups } from "@/lib/directories/list-directory-groups";
import { directoryGroupsQueryOptions } from "@/lib/queries/directories/directory-groups-query";

export const metadata: Metadata = { title: "Directory groups" };

export default async function DirectoryGroupsPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const access = await requireAdminPage();
  const { directoryId } = await params;
  const db = getDb();
  const directory = await findWorkspaceDirectory(db, access.workspace.id, directoryId);
  if (!directory) notFound();
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
