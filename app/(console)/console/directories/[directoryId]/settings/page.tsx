import type { Metadata } from "next";
import { DirectoryStateCard } from "@/components/directory-settings/directory-state-card";
import { requireDirectoryPage } from "@/lib/directories/require-directory-page";

export const metadata: Metadata = { title: "Directory settings" };

export default async function DirectorySettingsPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const { directory } = await requireDirectoryPage((await params).directoryId);
  return <DirectoryStateCard directory={{ id: directory.id, name: directory.name, state: directory.state }} />;
}
