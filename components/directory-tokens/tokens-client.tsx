"use client";

import Link from "next/link";
import { BanIcon, KeyRoundIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DirectoryConnection } from "@/db/schema";
import type { DirectoryTokenItem, DirectoryTokenStatus } from "@/lib/directories/list-directories";
import { GenerateTokenDialog } from "./generate-token-dialog";
import { formatAbsoluteTime } from "@/lib/format-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { RotateTokenDialog } from "./rotate-token-dialog";

type Directory = { id: string; name: string; state: DirectoryConnection["state"] };

const statusBadges: Record<DirectoryTokenStatus, { label: string; variant: "success" | "warning" | "outline" | "secondary" }> = {
  active: { label: "Active", variant: "success" },
  grace: { label: "Grace", variant: "warning" },
  revoked: { label: "Revoked", variant: "secondary" },
  expired: { label: "Expired", variant: "outline" },
};

export function TokensClient({ directory, tokens }: { directory: Directory; tokens: DirectoryTokenItem[] }) {
  const disabled = directory.state === "disabled";
  const hasValidToken = tokens.some((t) => t.status === "active" || t.status === "grace");

  return (
    <div className="space-y-6">
      {disabled && (
        <Alert>
          <BanIcon aria-hidden />
          <AlertTitle>Directory sync is disabled</AlertTitle>
          <AlertDescription>
            <p>
              A disabled directory has no tokens and cannot get new ones: its IdP is refused anyway.{" "}
              <Link href={`/console/directories/${directory.id}/settings`} className="font-medium underline underline-offset-4">
                Enable it in Settings
              </Link>{" "}
              first.
            </p>
          </AlertDescription>
        </Alert>
      )}
      <Card className="gap-0 pb-0">
        <CardHeader className="border-b">
          <CardTitle>Tokens</CardTitle>
          <CardDescription>
            Your IdP sends one of these as its bearer token. A token is shown once, when it is created; Rollcall keeps only a hash and its prefix.
          </CardDescription>
          <CardAction className="flex gap-2">
            {hasValidToken && <RotateTokenDialog directoryId={directory.id} disabled={disabled} />}
            <GenerateTokenDialog directoryId={directory.id} disabled={disabled} />
          </CardAction>
        </CardHeader>
        <CardContent className="px-0">
          {tokens.length === 0 ? (
            <div className="flex flex-col items-center gap-2 px-4 py-12 text-center">
              <KeyRoundIcon className="size-8 text-muted-foreground" aria-hidden />
              <p className="font-medium">No tokens</p>
              <p className="text-sm text-muted-foreground">
                {disabled ? "Disabling the directory deleted its tokens." : "Generate a token and paste it into your IdP to connect it."}
              </p>
            </div>
          ) : (
            <Table aria-label="Tokens">
              <TableHeader>
                <TableRow>
                  <TableHead className="pl-6">Token</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Expires</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead className="pr-6">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tokens.map((token) => (
                  <TableRow key={token.id}>
                    <TableCell className="pl-6 font-mono text-xs">{token.prefix}…</TableCell>
                    <TableCell>
                      <TokenStatus token={token} />
                    </TableCell>
                    <TableCell>
                      <RelativeTime value={token.createdAt} />
                    </TableCell>
                    <TableCell>
                      <RelativeTime value={token.expiresAt} fallback="Never" />
                    </TableCell>
                    <TableCell>
                      <RelativeTime value={token.lastUsedAt} fallback="Never" />
                    </TableCell>
                    <TableCell className="pr-6 text-right">
                      {(token.status === "active" || token.status === "grace") && <RevokeTokenDialog directoryId={directory.id} token={token} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function TokenStatus({ token }: { token: DirectoryTokenItem }) {
  const badge = statusBadges[token.status];
  return (
    <div className="flex flex-col gap-0.5">
      <Badge variant={badge.variant}>{badge.label}</Badge>
      {token.status === "grace" && token.revokedAt && (
        <span className="text-xs text-muted-foreground">
          valid until {formatAbsoluteTime(token.revokedAt)}
        </span>
      )}
    </div>
  );
}
