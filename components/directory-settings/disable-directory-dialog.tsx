"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { disableDirectoryAction, type DisableDirectoryResult } from "@/app/(console)/console/directories/[directoryId]/settings/actions";

export function DisableDirectoryDialog({ directory }: { directory: { id: string; name: string } }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const confirmed = typed.trim() === directory.name.trim();

  function changeOpen(next: boolean) {
    setOpen(next);
    if (!next) {
      setTyped("");
      setError(undefined);
    }
  }

  function disable() {
    setError(undefined);
    startTransition(async () => {
      const result = await disableDirectoryAction({ directoryId: directory.id, confirmName: typed });
      if (!result.ok) return setError(result.error);
      changeOpen(false);
      toast.success(summary(result.data));
    });
  }

  return (
    <AlertDialog open={open} onOpenChange={changeOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="destructive">Disable directory sync</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Disable directory sync for {directory.name}?</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div className="space-y-2">
              <p>This happens at once:</p>
              <ul className="list-disc space-y-1 pl-5">
                <li>All of this directory&apos;s tokens are deleted. Your IdP&apos;s requests are refused (401 or 403) from now on.</li>
                <li>Its groups and their memberships are removed, with their group mappings.</li>
                <li>External ids are cleared on its members, so a later connection matches them afresh.</li>
                <li>Members are kept as they are: their status, role and data do not change.</li>
              </ul>
              <p>Enabling it again later needs a new token in your IdP, and your IdP pushes its groups again.</p>
            </div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        <form
          id="disable-directory-form"
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (confirmed) disable();
          }}
        >
          <Label htmlFor="disable-directory-confirm">
            Type <span className="font-mono font-semibold">{directory.name}</span> to confirm
          </Label>
          <Input id="disable-directory-confirm" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} aria-invalid={typed !== "" && !confirmed} />
        </form>
        {error && (
          <Alert variant="destructive">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button type="submit" form="disable-directory-form" variant="destructive" disabled={!confirmed || pending}>
            {pending && <Spinner aria-label="Disabling" />}
            Disable directory sync
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

function summary(result: DisableDirectoryResult): string {
  if (!result.changed) return "Directory sync was already disabled";
  const parts = [
    `${result.tokensDeleted} ${result.tokensDeleted === 1 ? "token" : "tokens"} deleted`,
    `${result.groupsRemoved} ${result.groupsRemoved === 1 ? "group" : "groups"} removed`,
    `${result.externalIdsCleared} external ${result.externalIdsCleared === 1 ? "id" : "ids"} cleared`,
  ];
  return `Directory sync disabled: ${parts.join(", ")}.${result.ownerRestored ? " The workspace owner was made an active owner again." : ""}`;
}
