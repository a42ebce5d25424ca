import Link from "next/link";
import { TriangleAlertIcon } from "lucide-react";
import { ConnectionDetails } from "@/components/directories/connection-details";
import { AttributeMappingTable, IdpSetupSteps } from "@/components/directories/idp-guide";
import { NewTokenProvider, NewTokenReveal } from "@/components/directories/new-token";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { getDb } from "@/db/client";
import { requireDirectoryPage } from "@/lib/directories/require-directory-page";
import { idpGuide } from "@/lib/directories/idp-guides";
import { listDirectories } from "@/lib/directories/list-directories";
import { scimBaseUrl } from "@/lib/directories/scim-base-url";
import { env } from "@/lib/env";

export default async function DirectorySetUpPage({ params }: { params: Promise<{ directoryId: string }> }) {
  const { access, directory } = await requireDirectoryPage((await params).directoryId);
  const db = getDb();
  const [listed] = await listDirectories(db, { workspaceId: access.workspace.id, directoryId: directory.id });
  const guide = idpGuide(directory.idpType);
  const baseUrl = scimBaseUrl(env().appUrl, directory.id);
  const now = new Date();

  return (
    <NewTokenProvider directoryId={directory.id}>
      <div className="grid gap-6">
        <NewTokenReveal />
        {directory.state === "disabled" && (
          <Alert role="note">
            <TriangleAlertIcon aria-hidden />
            <AlertTitle>Directory sync is disabled</AlertTitle>
            <AlertDescription>
              <p>
                Its tokens were deleted, so your identity provider&apos;s requests are refused.{" "}
                <Link href={`/console/directories/${directory.id}/settings`} className="font-medium text-foreground underline underline-offset-4">
                  Enable it in Settings
                </Link>{" "}
                to provision again.
              </p>
            </AlertDescription>
          </Alert>
        )}
        {!guide.pushesScim && (
          <Alert role="note" className="border-warning/50 bg-warning/10">
            <TriangleAlertIcon aria-hidden />
            <AlertTitle className="line-clamp-none">{guide.name} cannot connect by itself</AlertTitle>
            <AlertDescription>
              <p>{guide.summary}</p>
            </AlertDescription>
          </Alert>
        )}
        <ConnectionDetails directoryId={directory.id} baseUrl={baseUrl} guide={guide} tokens={listed?.tokens ?? []} now={now} />
        <IdpSetupSteps guide={guide} baseUrl={baseUrl} directoryId={directory.id} />
        <AttributeMappingTable guide={guide} />
      </div>
    </NewTokenProvider>
  );
}
