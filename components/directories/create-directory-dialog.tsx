"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { PlusIcon } from "lucide-react";
import { toast } from "sonner";
import { createDirectoryAction } from "@/app/(console)/console/directories/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import type { IdpType } from "@/db/schema";
import { idpOrder } from "@/lib/directories/idp-guides";
import { idpLabels } from "@/lib/directories/idp-names";
import { idpTaglines } from "./idp-taglines";
import { handOverNewToken } from "./new-token-handoff";

/**
 * "Create connection": a name and an IdP. On success it goes to the new directory's Set-up page
 * and hands the new token over in memory, where it is shown once.
 */
export function CreateDirectoryDialog({ variant = "default" }: { variant?: "default" | "outline" }) {
  const router = useRouter();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [idpType, setIdpType] = useState<IdpType | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [idpMissing, setIdpMissing] = useState(false);
  const [pending, startTransition] = useTransition();

  function onOpenChange(next: boolean) {
    if (pending) return;
    setOpen(next);
    if (!next) {
      setError(undefined);
      setIdpMissing(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    if (!idpType) {
      setIdpMissing(true);
      return;
    }
    startTransition(async () => {
      const result = await createDirectoryAction({ name: name.trim() || undefined, idpType });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      handOverNewToken(result.data.directoryId, result.data.token);
      toast.success(`Created “${result.data.name}”`, { description: "Follow the set-up steps to connect your identity provider." });
      router.push(`/console/directories/${result.data.directoryId}`);
    });
  }

  const idpErrorId = `${ids}-idp-error`;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={variant}>
          <PlusIcon aria-hidden />
          Create connection
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <form onSubmit={submit} className="grid gap-5" noValidate>
          <DialogHeader>
            <DialogTitle>Create a directory connection</DialogTitle>
            <DialogDescription>
              Pick the identity provider that will provision people into this workspace. You get a SCIM base URL and a bearer token to paste into it.
            </DialogDescription>
          </DialogHeader>

          <div className="grid gap-2">
            <Label htmlFor={`${ids}-name`}>Name (optional)</Label>
            <Input
              id={`${ids}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={100}
              placeholder={idpType ? idpLabels[idpType] : "e.g. Staff, Contractors"}
              aria-describedby={`${ids}-name-hint`}
              disabled={pending}
            />
            <p id={`${ids}-name-hint`} className="text-xs text-muted-foreground">
              Tells connections apart when you have several. Defaults to the IdP&apos;s name.
            </p>
          </div>

          <fieldset className="grid gap-2" aria-describedby={idpMissing ? idpErrorId : undefined} disabled={pending}>
            <legend className="mb-2 text-sm font-medium">Identity provider</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {idpOrder.map((idp) => {
                const inputId = `${ids}-idp-${idp}`;
                return (
                  <div
                    key={idp}
                    className="relative flex items-start gap-3 rounded-lg border p-3 transition-colors hover:bg-accent/50 has-checked:border-primary has-checked:bg-primary/5 has-focus-visible:ring-[3px] has-focus-visible:ring-ring/50"
                  >
                    <input
                      id={inputId}
                      type="radio"
                      name="idpType"
                      value={idp}
                      checked={idpType === idp}
                      onChange={() => {
                        setIdpType(idp);
                        setIdpMissing(false);
                      }}
                      aria-describedby={`${inputId}-tagline`}
                      className="relative z-10 mt-0.5 size-4 shrink-0 accent-primary outline-none"
                    />
                    <div className="grid gap-0.5">
                      {/* The label covers the whole card, so a click anywhere selects the IdP. */}
                      <label htmlFor={inputId} className="cursor-pointer text-sm font-medium after:absolute after:inset-0 after:content-['']">
                        {idpLabels[idp]}
                      </label>
                      <p id={`${inputId}-tagline`} className="text-xs text-muted-foreground">
                        {idpTaglines[idp]}
                      </p>
                    </div>
                  </div>
                );
              })}
            </div>
            {idpMissing && (
              <p id={idpErrorId} className="text-sm text-destructive">
                Choose your identity provider.
              </p>
            )}
          </fieldset>

          {error && (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}

          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending && <Spinner aria-label="Creating the connection" />}
              Create connection
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
