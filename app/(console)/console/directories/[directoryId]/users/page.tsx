import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { DirectoryUsers } from "@/components/directory-people/directory-users";
import { requireDirectoryPage } from "@/lib/directories/require-directory-page";
import { listDirectoryUsers } from "@/lib/directories/list-directory-users";
import { directoryUsersQueryOptions } from "@/lib/queries/directories/directory-users-query";

export const metadata: Metadata = { title: "Directory users" };

export default async function DirectoryUsersPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const { directory } = await requireDirectoryPage((await params).directoryId);
  const db = getDb();
  const queryClient = new QueryClient();
  await queryClient.prefetchInfiniteQuery({
    ...directoryUsersQueryOptions(directory.id, { search: "", status: "all" }),
    queryFn: () => listDirectoryUsers(db, directory),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DirectoryUsers directoryId={directory.id} />
    </HydrationBoundary>
  );
}
