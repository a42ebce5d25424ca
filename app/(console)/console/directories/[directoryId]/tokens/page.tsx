import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { TokensClient } from "@/components/directory-tokens/tokens-client";
import { requireDirectoryPage } from "@/lib/directories/require-directory-page";
import { listDirectories } from "@/lib/directories/list-directories";

export const metadata: Metadata = { title: "Tokens" };

export default async function DirectoryTokensPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const { directory } = await requireDirectoryPage((await params).directoryId);
  const db = getDb();
  const [listed] = await listDirectories(db, { directoryId: directory.id });
  return <TokensClient directory={{ id: directory.id, name: directory.name, state: directory.state }} tokens={listed?.tokens ?? []} />;
}
