import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { ConnectionTestClient } from "@/components/directory-test/connection-test-client";
import { requireAdminPage } from "@/lib/auth/current-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";
import { scimBaseUrl } from "@/lib/directories/scim-base-url";
import { lastRequestOf } from "@/lib/directories/test-connection";
import { env } from "@/lib/env";
import { lastRequestQueryOptions } from "@/lib/queries/directories/last-request-query";

export const metadata: Metadata = { title: "Connection test" };

export default async function DirectoryTestPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const access = await requireAdminPage();
  const directory = await findWorkspaceDirectory(getDb(), access.workspace.id, (await params).directoryId);
  if (!directory) notFound();
  const queryClient = new QueryClient();
  queryClient.setQueryData(lastRequestQueryOptions(directory.id).queryKey, lastRequestOf(directory));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ConnectionTestClient directoryId={directory.id} scimUrl={scimBaseUrl(env().appUrl, directory.id)} />
    </HydrationBoundary>
  );
}
