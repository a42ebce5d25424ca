import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DirectoryHeader } from "@/components/directories/directory-header";
import { DirectoryTabs } from "@/components/directories/directory-tabs";
import { requireDirectoryPage } from "@/lib/directories/require-directory-page";

type DirectoryLayoutProps = { children: ReactNode; params: Promise<{ directoryId: string }> };

export async function generateMetadata({ params }: Pick<DirectoryLayoutProps, "params">): Promise<Metadata> {
  const { directory } = await requireDirectoryPage((await params).directoryId);
  return { title: directory.name };
}

export default async function DirectoryLayout({ children, params }: DirectoryLayoutProps) {
  // Another workspace's directory is as unknown as one that does not exist.
  const { directory } = await requireDirectoryPage((await params).directoryId);
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
