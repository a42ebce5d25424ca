import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { DirectoryStateCard } from "@/components/directory-settings/directory-state-card";
import { requireAdminPage } from "@/lib/auth/current-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";

export const metadata: Metadata = { title: "Directory settings" };

export default async function DirectorySettingsPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const access = await requireAdminPage();
  const directory = await findWorkspaceDirectory(getDb(), access.workspace.id, (await params).directoryId);
  if (!directory) notFound();
  return <DirectoryStateCard directory={{ id: directory.id, name: directory.name, state: directory.state }} />;
}
