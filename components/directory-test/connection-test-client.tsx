"use client";

import { useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { PlayIcon } from "lucide-react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Spinner } from "@/components/ui/spinner";
import { RelativeTime } from "@/components/ui/relative-time";
import { runConnectionTestAction, type ConnectionTestRun } from "@/app/(console)/console/directories/[directoryId]/test/actions";
import { lastRequestKeys } from "@/lib/queries/directories/last-request-query";
import { CheckList } from "./check-list";
import { LastRequestCard } from "./last-request-card";

export function ConnectionTestClient({ directoryId, scimUrl }: { directoryId: string; scimUrl: string }) {
  const [run, setRun] = useState<ConnectionTestRun>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();

  function runTest() {
    setError(undefined);
    startTransition(async () => {
      const result = await runConnectionTestAction({ directoryId });
      void queryClient.invalidateQueries({ queryKey: lastRequestKeys.directory(directoryId) });
      if (!result.ok) {
        setError(result.error);
        toast.error("The connection test could not run");
        return;
      }
      setRun(result.data);
      const failed = result.data.checks.filter((c) => c.status === "fail").length;
      const warned = result.data.checks.filter((c) => c.status === "warn").length;
      if (failed > 0) toast.error(`Connection test: ${failed} ${failed === 1 ? "check" : "checks"} failed`);
      else if (warned > 0) toast.warning(`Connection test passed with ${warned} ${warned === 1 ? "warning" : "warnings"}`);
      else toast.success("Connection test passed");
    });
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
      <Card>
        <CardHeader>
          <CardTitle>Connection test</CardTitle>
          <CardDescription>Real checks of what your IdP needs: the public SCIM URL, a valid token, the database, and its last request.</CardDescription>
          <CardAction>
            <Button onClick={runTest} disabled={pending}>
              {pending ? <Spinner aria-label="Running the test" /> : <PlayIcon aria-hidden />}
              {run ? "Run again" : "Run test"}
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="flex items-center gap-2 rounded-md border bg-muted/40 px-3 py-2">
            <code className="min-w-0 flex-1 truncate text-xs" title={scimUrl}>
              {scimUrl}
            </code>
            <CopyButton value={scimUrl} label="SCIM base URL" />
          </div>
          {error && (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}
          {run ? (
            <>
              <CheckList checks={run.checks} busy={pending} />
              <p className="text-xs text-muted-foreground">
                Last run <RelativeTime value={run.ranAt} />. Each run is recorded in the activity log.
              </p>
            </>
          ) : (
            <p className="py-8 text-center text-sm text-muted-foreground">
              {pending ? "Running the checks…" : "Run the test to check the connection. Run it again after you change something in your IdP."}
            </p>
          )}
        </CardContent>
      </Card>
      <LastRequestCard directoryId={directoryId} />
    </div>
  );
}
