"use client";

import { TriangleAlertIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { NewToken } from "@/app/(console)/console/directories/[directoryId]/tokens/tokens.schema";
import { formatAbsoluteTime } from "@/lib/format-time";

/** The one and only time a token is shown in clear. */
export function NewTokenReveal({ token }: { token: NewToken }) {
  return (
    <div className="space-y-4">
      <Alert>
        <TriangleAlertIcon aria-hidden />
        <AlertTitle>Copy it now, you will not see it again</AlertTitle>
        <AlertDescription>
          Rollcall stores only a hash of this token. Paste it into your IdP&apos;s SCIM settings as the bearer token (API token). Once this dialog is closed, only its
          prefix {token.prefix}… is shown.
        </AlertDescription>
      </Alert>
      <div className="space-y-2">
        <Label htmlFor="new-token">New token</Label>
        <div className="flex gap-2">
          <Input id="new-token" readOnly value={token.token} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={token.token} label="Token" />
        </div>
        <p className="text-sm text-muted-foreground">{token.expiresAt ? `Expires ${formatAbsoluteTime(token.expiresAt)}.` : "Does not expire."}</p>
      </div>
    </div>
  );
}
