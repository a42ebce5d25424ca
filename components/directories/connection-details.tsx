import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { DirectoryTokenItem } from "@/lib/directories/list-directories";
import type { IdpGuide } from "@/lib/directories/idp-guides";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/format-time";

/** The two values the IdP needs: the SCIM base URL (copyable) and which tokens are valid. */
export function ConnectionDetails({
  directoryId,
  baseUrl,
  guide,
  tokens,
  now,
}: {
  directoryId: string;
  baseUrl: string;
  guide: IdpGuide;
  tokens: DirectoryTokenItem[];
  now: Date;
}) {
  const valid = tokens.filter((t) => t.status === "active" || t.status === "grace");
  return (
    <Card>
      <CardHeader>
        <CardTitle>Connection details</CardTitle>
        <CardDescription>
          {guide.pushesScim ? `What ${guide.name} needs to reach this directory.` : "What your SCIM bridge needs to reach this directory."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <div className="grid gap-2">
          <div className="text-sm font-medium">
            SCIM base URL
            {guide.baseUrlField !== "Base URL" && (
              <span className="font-normal text-muted-foreground"> · “{guide.baseUrlField}” in {guide.name}</span>
            )}
          </div>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <code className="min-w-0 flex-1 rounded-md border bg-muted/50 px-3 py-2 font-mono text-sm break-all select-all">
              {baseUrl}
            </code>
            <CopyButton value={baseUrl} label="SCIM base URL" />
          </div>
        </div>
        <div className="grid gap-2">
          <div className="text-sm font-medium">
            Bearer token
            <span className="font-normal text-muted-foreground"> · “{guide.tokenField}” in {guide.pushesScim ? guide.name : "your bridge"}</span>
          </div>
          <p className="text-sm text-muted-foreground">
            A token is shown in full only once, when it is created; Rollcall keeps a hash and the first characters to tell tokens apart.
          </p>
          {valid.length === 0 ? (
            <p className="text-sm">
              This directory has no valid token, so every SCIM request is refused.{" "}
              <Link href={`/console/directories/${directoryId}/tokens`} className="font-medium underline underline-offset-4">
                Create one on the Tokens tab
              </Link>
              .
            </p>
          ) : (
            <ul aria-label="Valid tokens" className="divide-y rounded-md border">
              {valid.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2 text-sm">
                  <code className="font-mono">{t.prefix}…</code>
                  <span className="text-muted-foreground">
                    {t.status === "grace" && t.revokedAt ? (
                      <>
                        Retiring <time dateTime={t.revokedAt} title={formatAbsoluteTime(t.revokedAt)}>{formatRelativeTime(t.revokedAt, now)}</time>
                      </>
                    ) : t.lastUsedAt ? (
                      <>
                        Last used <time dateTime={t.lastUsedAt} title={formatAbsoluteTime(t.lastUsedAt)}>{formatRelativeTime(t.lastUsedAt, now)}</time>
                      </>
                    ) : (
                      "Not used yet"
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="text-sm">
            <Link href={`/console/directories/${directoryId}/tokens`} className="font-medium underline underline-offset-4">
              Manage tokens
            </Link>{" "}
            <span className="text-muted-foreground">to rotate, revoke or add an expiry.</span>
          </p>
        </div>
      </CardContent>
    </Card>
  );
}
