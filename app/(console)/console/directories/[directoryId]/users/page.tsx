import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { DirectoryUsers } from "@/components/directory-people/directory-users";
import { requireAdminPage } from "@/lib/auth/current-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";
import { listDirectoryUsers } from "@/lib/directories/list-directory-users";
import { directoryUsersQueryOptions } from "@/lib/queries/directories/directory-users-query";

export const metadata: Metadata = { title: "Directory users" };

export default async function DirectoryUsersPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const access = await requireAdminPage();
  const { directoryId } = await params;
  const db = getDb();
  const directory = await findWorkspaceDirectory(db, access.workspace.id, directoryId);
  if (!directory) notFound();
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
