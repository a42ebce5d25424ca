import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { TokensClient } from "@/components/directory-tokens/tokens-client";
import { requireAdminPage } from "@/lib/auth/current-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";
import { listDirectories } from "@/lib/directories/list-directories";

export const metadata: Metadata = { title: "Tokens" };

export default async function DirectoryTokensPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const access = await requireAdminPage();
  const db = getDb();
  const directory = await findWorkspaceDirectory(db, access.workspace.id, (await params).directoryId);
  if (!directory) notFound();
  const [listed] = await listDirectories(db, { directoryId: directory.id });
  return <TokensClient directory={{ id: directory.id, name: directory.name, state: directory.state }} tokens={listed?.tokens ?? []} />;
}
