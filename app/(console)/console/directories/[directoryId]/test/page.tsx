import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { ConnectionTestClient } from "@/components/directory-test/connection-test-client";
import { requireDirectoryPage } from "@/lib/directories/require-directory-page";
import { scimBaseUrl } from "@/lib/directories/scim-base-url";
import { lastRequestOf } from "@/lib/directories/test-connection";
import { env } from "@/lib/env";
import { lastRequestQueryOptions } from "@/lib/queries/directories/last-request-query";

export const metadata: Metadata = { title: "Connection test" };

export default async function DirectoryTestPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const { directory } = await requireDirectoryPage((await params).directoryId);
  const queryClient = new QueryClient();
  queryClient.setQueryData(lastRequestQueryOptions(directory.id).queryKey, lastRequestOf(directory));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ConnectionTestClient directoryId={directory.id} scimUrl={scimBaseUrl(env().appUrl, directory.id)} />
    </HydrationBoundary>
  );
}
