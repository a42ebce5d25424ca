import type { Metadata } from "next";
import { DirectoryStateCard } from "@/components/directory-settings/directory-state-card";
import { WelcomeEmailCard } from "@/components/directory-settings/welcome-email-card";
import { getDb } from "@/db/client";
import { requireDirectoryPage } from "@/lib/directories/require-directory-page";
import { listDirectoryMails } from "@/lib/mail/list-directory-mails";
import { mailConfigured } from "@/lib/mail/send-mail";

export const metadata: Metadata = { title: "Directory settings" };

export default async function DirectorySettingsPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const { directory } = await requireDirectoryPage((await params).directoryId);
  const mails = await listDirectoryMails(getDb(), directory.id);
  return (
    <div className="space-y-6">
      <DirectoryStateCard directory={{ id: directory.id, name: directory.name, state: directory.state }} />
      <WelcomeEmailCard directory={{ id: directory.id, name: directory.name, welcomeEmail: directory.welcomeEmail }} mailConfigured={mailConfigured()} mails={mails} />
    </div>
  );
}
