"use client";

import { useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { RefreshCwIcon } from "lucide-react";
import { toast } from "sonner";
import { setSyncIntervalAction, syncNowAction } from "@/app/(console)/console/directories/[directoryId]/sync/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { SyncRunData } from "@/lib/directories/sync-overview-data";
import { syncKeys, useSyncQuery } from "@/lib/queries/directories/sync-query";
import { syncIntervalChoices, syncIntervalLabel } from "@/lib/sync/sync-intervals";
import { SyncProgress } from "./sync-progress";
import { SyncRunsTable } from "./sync-runs-table";

/** Why "Sync now" is disabled, or undefined when it is not. */
function blockedBecause(active: boolean, current: SyncRunData | null): string | undefined {
  if (!active) return "Enable directory sync on the Settings tab to run a sync.";
  if (current?.status === "queued") return "A sync is queued and starts in a moment.";
  if (current) return "A sync is running; the next one can start when it has finished.";
  return undefined;
}

export function SyncClient({ directoryId, active }: { directoryId: string; active: boolean }) {
  const query = useSyncQuery(directoryId);
  const queryClient = useQueryClient();
  const [syncing, startSync] = useTransition();
  const [saving, startSave] = useTransition();
  const [error, setError] = useState<string>();
  const [intervalError, setIntervalError] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: syncKeys.directory(directoryId) });

  if (query.isPending) return <Skeleton className="h-80" aria-label="Loading sync runs" />;
  if (query.isError) {
    return (
      <Alert variant="destructive">
        <AlertDescription>Sync runs could not be loaded: {query.error.message}</AlertDescription>
      </Alert>
    );
  }
  const { current, runs, intervalMinutes, nextSyncAt } = query.data;
  const blocked = blockedBecause(active, current);

  function syncNow() {
    setError(undefined);
    startSync(async () => {
      const result = await syncNowAction({ directoryId });
      await refresh();
      if (!result.ok) setError(result.error);
      else toast.success("Sync started");
    });
  }

  function changeInterval(minutes: number) {
    setIntervalError(undefined);
    startSave(async () => {
      const result = await setSyncIntervalAction({ directoryId, minutes });
      await refresh();
      if (!result.ok) setIntervalError(result.error);
    });
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Sync</CardTitle>
            <CardDescription>
              A sync recomputes every member&apos;s teams and role from the directory&apos;s groups and mappings, purges members whose retention
              window ended, and re-checks seats. Run it after bulk changes in your IdP or in the mappings.
            </CardDescription>
            <CardAction>
              <Button onClick={syncNow} disabled={syncing || blocked !== undefined} aria-describedby={blocked ? "sync-blocked" : undefined}>
                {syncing ? <Spinner aria-label="Starting the sync" /> : <RefreshCwIcon aria-hidden />}
                Sync now
              </Button>
            </CardAction>
          </CardHeader>
          <CardContent className="space-y-4">
            {blocked && (
              <p id="sync-blocked" className="text-sm text-muted-foreground">
                {blocked}
              </p>
            )}
            {error && (
              <Alert variant="destructive">
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            )}
            {current ? (
              <SyncProgress run={current} />
            ) : (
              <p className="text-sm text-muted-foreground">No sync is running.</p>
            )}
          </CardContent>
        </Card>
        <Card className="py-0">
          <CardHeader className="pt-6">
            <CardTitle>History</CardTitle>
            <CardDescription>The latest runs, newest first. Each is also in the activity log.</CardDescription>
          </CardHeader>
          <CardContent className="px-0">
            <SyncRunsTable runs={runs} />
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Schedule</CardTitle>
          <CardDescription>Runs on its own at this interval, on one server at a time.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          <div className="space-y-1.5">
            <Label htmlFor="sync-interval">Interval</Label>
            <div className="flex items-center gap-2">
              <Select value={String(intervalMinutes)} onValueChange={(value) => changeInterval(Number(value))} disabled={saving}>
                <SelectTrigger id="sync-interval" className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {syncIntervalChoices.map((minutes) => (
                    <SelectItem key={minutes} value={String(minutes)}>
                      Every {syncIntervalLabel(minutes)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
              {saving && <Spinner aria-label="Saving the interval" />}
            </div>
          </div>
          {intervalError && (
            <p role="alert" className="text-sm text-destructive">
              {intervalError}
            </p>
          )}
          <p className="text-sm text-muted-foreground">
            Next run:{" "}
            {!active ? "none while directory sync is disabled" : nextSyncAt ? <RelativeTime value={nextSyncAt} /> : "being scheduled (within a minute)"}
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
