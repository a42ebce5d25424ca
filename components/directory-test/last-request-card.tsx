"use client";

import { RadioIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { statusTone } from "@/components/directories/last-request-format";
import { formatAbsoluteTime } from "@/lib/format-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { lastRequestRefreshMs, useLastRequestQuery } from "@/lib/queries/directories/last-request-query";

export function LastRequestCard({ directoryId }: { directoryId: string }) {
  const query = useLastRequestQuery(directoryId);
  return (
    <Card role="region" aria-label="Last request from your IdP">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <RadioIcon className="size-4 text-muted-foreground" aria-hidden />
          Last request from your IdP
        </CardTitle>
        <CardDescription>Updates every {lastRequestRefreshMs / 1000} seconds: run your IdP&apos;s Test Connection and watch it arrive.</CardDescription>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <Skeleton className="h-24" />
        ) : query.isError ? (
          <Alert variant="destructive">
            <AlertDescription>The last request could not be loaded: {query.error.message}</AlertDescription>
          </Alert>
        ) : !query.data.at ? (
          <p className="text-sm text-muted-foreground">No request from your IdP yet. Paste the SCIM base URL and a token into your IdP, then run its Test Connection.</p>
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-muted-foreground">When</dt>
            <dd>
              <RelativeTime value={query.data.at} />
              <span className="block text-xs text-muted-foreground">{formatAbsoluteTime(query.data.at)}</span>
            </dd>
            <dt className="text-muted-foreground">Status</dt>
            <dd>
              <Badge variant={statusTone(query.data.status)}>
                {query.data.status ?? "unknown"}
              </Badge>
            </dd>
            <dt className="text-muted-foreground">User-Agent</dt>
            <dd className="font-mono text-xs break-all">{query.data.userAgent ?? "none sent"}</dd>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
