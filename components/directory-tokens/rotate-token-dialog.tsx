"use client";

import { useState } from "react";
import { RefreshCwIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { rotateTokenAction } from "@/app/(console)/console/directories/[directoryId]/tokens/actions";
import { graceChoices } from "@/app/(console)/console/directories/[directoryId]/tokens/tokens.schema";
import { ChoiceList } from "./choice-list";
import { NewTokenDialog } from "./new-token-dialog";

type GraceSeconds = (typeof graceChoices)[number]["seconds"];

const hints: Record<GraceSeconds, string> = {
  0: "Your IdP is refused until it has the new token.",
  3600: "Time to paste the new token into your IdP without a failed request.",
  86400: "For IdPs you update through a change process.",
};

export function RotateTokenDialog({ directoryId, disabled }: { directoryId: string; disabled?: boolean }) {
  const [grace, setGrace] = useState<GraceSeconds>(3600);

  return (
    <NewTokenDialog
      trigger={
        <Button variant="outline" disabled={disabled}>
          <RefreshCwIcon aria-hidden />
          Rotate token
        </Button>
      }
      title="Rotate the token"
      description="Rollcall creates a new token and retires every other valid token of this directory."
      submitLabel="Rotate"
      submit={() => rotateTokenAction({ directoryId, graceSeconds: grace })}
      onClosed={() => setGrace(3600)}
    >
      <ChoiceList
        legend="The old tokens"
        name="token-grace"
        choices={graceChoices.map((c) => ({ value: c.seconds, label: c.label, hint: hints[c.seconds] }))}
        value={grace}
        onChange={setGrace}
      />
    </NewTokenDialog>
  );
}
