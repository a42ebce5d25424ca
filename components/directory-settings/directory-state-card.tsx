"use client";

import { useTransition } from "react";
import { PowerIcon } from "lucide-react";
import { toast } from "sonner";
import { DirectoryStateBadge } from "@/components/directories/directory-state-badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import type { DirectoryConnection } from "@/db/schema";
import { enableDirectoryAction } from "@/app/(console)/console/directories/[directoryId]/settings/actions";
import { DisableDirectoryDialog } from "./disable-directory-dialog";

type State = DirectoryConnection["state"];

const explanations: Record<State, string> = {
  active: "Your IdP's requests are accepted: it creates, updates and suspends members and pushes groups.",
  draft: "Not enabled yet. Enable it when your IdP is set up.",
  disabled: "Your IdP's requests are refused. Its tokens, groups and memberships were removed; members were kept as they were.",
};

export function DirectoryStateCard({ directory }: { directory: { id: string; name: string; state: State } }) {
  const [pending, startTransition] = useTransition();

  function enable() {
    startTransition(async () => {
      const result = await enableDirectoryAction({ directoryId: directory.id });
      if (!result.ok) return void toast.error(result.error);
      toast.success(
        directory.state === "disabled" ? "Directory sync enabled. Generate a token on the Tokens tab and paste it into your IdP." : "Directory sync enabled",
      );
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Directory sync</CardTitle>
        <CardDescription>Turn syncing from your IdP on or off for {directory.name}.</CardDescription>
        <CardAction>
          <DirectoryStateBadge state={directory.state} />
        </CardAction>
      </CardHeader>
      <CardContent className="flex flex-wrap items-center justify-between gap-4">
        <p className="max-w-prose text-sm text-muted-foreground">{explanations[directory.state]}</p>
        <div className="flex gap-2">
          {directory.state !== "active" && (
            <Button onClick={enable} disabled={pending}>
              {pending ? <Spinner aria-label="Enabling" /> : <PowerIcon aria-hidden />}
              Enable directory sync
            </Button>
          )}
          {directory.state !== "disabled" && <DisableDirectoryDialog directory={directory} />}
        </div>
      </CardContent>
    </Card>
  );
}
