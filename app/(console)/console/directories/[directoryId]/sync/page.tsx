import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { SyncClient } from "@/components/directory-sync/sync-client";
import { requireDirectoryPage } from "@/lib/directories/require-directory-page";
import { syncOverviewData } from "@/lib/directories/sync-overview-data";
import { syncQueryOptions } from "@/lib/queries/directories/sync-query";
import { syncOverview } from "@/lib/sync";

export const metadata: Metadata = { title: "Sync" };

export default async function DirectorySyncPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const { directory } = await requireDirectoryPage((await params).directoryId);
  const queryClient = new QueryClient();
  queryClient.setQueryData(syncQueryOptions(directory.id).queryKey, syncOverviewData(await syncOverview(getDb(), directory.id)));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SyncClient directoryId={directory.id} active={directory.state === "active"} />
    </HydrationBoundary>
  );
}
