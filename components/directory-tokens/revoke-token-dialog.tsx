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
import { Spinner } from "@/components/ui/spinner";
import { revokeTokenAction } from "@/app/(console)/console/directories/[directoryId]/tokens/actions";

export function RevokeTokenDialog({ directoryId, token }: { directoryId: string; token: { id: string; prefix: string } }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const name = `${token.prefix}…`;

  function revoke() {
    setError(undefined);
    startTransition(async () => {
      const result = await revokeTokenAction({ directoryId, tokenId: token.id });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      toast.success(`Token ${result.data.prefix}… revoked`);
    });
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(undefined);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`Revoke token ${name}`}>
          Revoke
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revoke token {name}?</AlertDialogTitle>
          <AlertDialogDescription>
            It stops working at once, including during a rotation grace period. An IdP still using it gets 401 Unauthorized until it has another token. This cannot be
            undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {error && (
          <Alert variant="destructive">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button variant="destructive" onClick={revoke} disabled={pending}>
            {pending && <Spinner aria-label="Revoking" />}
            Revoke token
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
