import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { DirectoryHeader } from "@/components/directories/directory-header";
import { DirectoryTabs } from "@/components/directories/directory-tabs";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/current-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";

type DirectoryLayoutProps = { children: ReactNode; params: Promise<{ directoryId: string }> };

export async function generateMetadata({ params }: Pick<DirectoryLayoutProps, "params">): Promise<Metadata> {
  const access = await requireAdminPage();
  const directory = await findWorkspaceDirectory(getDb(), access.workspace.id, (await params).directoryId);
  return { title: directory ? directory.name : "Directory not found" };
}

export default async function DirectoryLayout({ children, params }: DirectoryLayoutProps) {
  const access = await requireAdminPage();
  const { directoryId } = await params;
  // Another workspace's directory is as unknown as one that does not exist.
  const directory = await findWorkspaceDirectory(getDb(), access.workspace.id, directoryId);
  if (!directory) notFound();
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <DirectoryHeader directory={directory} />
        <DirectoryTabs directoryId={directory.id} />
      </div>
      {children}
    </div>
  );
}
