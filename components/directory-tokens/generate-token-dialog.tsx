"use client";

import { useState } from "react";
import { KeyRoundIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { generateTokenAction } from "@/app/(console)/console/directories/[directoryId]/tokens/actions";
import { tokenExpiryChoices, type TokenExpiryChoice } from "@/app/(console)/console/directories/[directoryId]/tokens/tokens.schema";
import { ChoiceList } from "./choice-list";
import { NewTokenDialog } from "./new-token-dialog";

export function GenerateTokenDialog({ directoryId, disabled }: { directoryId: string; disabled?: boolean }) {
  const [expiry, setExpiry] = useState<TokenExpiryChoice>("never");
  const [date, setDate] = useState("");
  const [earliestDate] = useState(() => localDate(new Date(Date.now() + 86400_000)));

  return (
    <NewTokenDialog
      trigger={
        <Button disabled={disabled}>
          <KeyRoundIcon aria-hidden />
          Generate token
        </Button>
      }
      title="Generate a token"
      description="A new token works next to the directory's other tokens until it expires or you revoke it."
      submitLabel="Generate"
      canSubmit={expiry !== "date" || date !== ""}
      // The picked day ends at midnight in the admin's own time zone.
      submit={() => generateTokenAction({ directoryId, expiry, expiresAt: expiry === "date" ? new Date(`${date}T23:59:59`).toISOString() : undefined })}
      onClosed={() => {
        setExpiry("never");
        setDate("");
      }}
    >
      <ChoiceList legend="Expires" name="token-expiry" choices={tokenExpiryChoices} value={expiry} onChange={setExpiry} />
      {expiry === "date" && (
        <div className="space-y-2">
          <Label htmlFor="token-expiry-date">Expiry date</Label>
          <Input id="token-expiry-date" type="date" required value={date} min={earliestDate} onChange={(e) => setDate(e.target.value)} />
        </div>
      )}
    </NewTokenDialog>
  );
}

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
