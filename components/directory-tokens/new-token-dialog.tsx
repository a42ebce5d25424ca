"use client";

import { useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/actions/admin-action";
import type { NewToken } from "@/app/(console)/console/directories/[directoryId]/tokens/tokens.schema";
import { NewTokenReveal } from "./new-token-reveal";

/**
 * A dialog that asks for a few choices (`children`), calls `submit`, and then shows the new token
 * once. Errors stay in the dialog; the token is forgotten when it closes.
 */
export function NewTokenDialog({
  trigger,
  title,
  description,
  submitLabel,
  canSubmit = true,
  submit,
  onClosed,
  children,
}: {
  trigger: ReactNode;
  title: string;
  description: string;
  submitLabel: string;
  canSubmit?: boolean;
  submit: () => Promise<ActionResult<NewToken>>;
  onClosed?: () => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<NewToken>();
  const [pending, startTransition] = useTransition();

  function changeOpen(next: boolean) {
    setOpen(next);
    if (!next) {
      setCreated(undefined);
      setError(undefined);
      onClosed?.();
    }
  }

  function run() {
    setError(undefined);
    startTransition(async () => {
      const result = await submit();
      if (!result.ok) return setError(result.error);
      setCreated(result.data);
      toast.success(`Token ${result.data.prefix}… created`);
    });
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      {/* Once the token shows, only a deliberate close loses it. */}
      <DialogContent onInteractOutside={(e) => created && e.preventDefault()}>
        <DialogHeader>
          <DialogTitle>{created ? "Your new token" : title}</DialogTitle>
          <DialogDescription>{created ? "Paste it into your IdP now." : description}</DialogDescription>
        </DialogHeader>
        {created ? (
          <NewTokenReveal token={created} />
        ) : (
          <div className="space-y-4">
            {children}
            {error && (
              <Alert variant="destructive">
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            )}
          </div>
        )}
        <DialogFooter>
          {created ? (
            <DialogClose asChild>
              <Button>I have copied it</Button>
            </DialogClose>
          ) : (
            <>
              <DialogClose asChild>
                <Button variant="outline">Cancel</Button>
              </DialogClose>
              <Button onClick={run} disabled={pending || !canSubmit}>
                {pending && <Spinner aria-label="Working" />}
                {submitLabel}
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
