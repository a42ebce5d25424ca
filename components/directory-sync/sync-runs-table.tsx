import { HistoryIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SyncRunData } from "@/lib/directories/sync-overview-data";

const statusVariants = { queued: "outline", running: "secondary", succeeded: "success", failed: "destructive" } as const;
const countColumns = [
  ["checked", "Checked"],
  ["changed", "Changed"],
  ["suspended", "Suspended"],
  ["purged", "Purged"],
  ["errors", "Errors"],
] as const;

function duration(run: SyncRunData): string {
  if (!run.startedAt || !run.finishedAt) return "—";
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function SyncRunsTable({ runs }: { runs: SyncRunData[] }) {
  if (runs.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 px-4 py-12 text-center">
        <HistoryIcon className="size-8 text-muted-foreground" aria-hidden />
        <p className="font-medium">No sync has run yet</p>
        <p className="text-sm text-muted-foreground">Press “Sync now”, or wait for the schedule.</p>
      </div>
    );
  }
  return (
    <Table aria-label="Sync runs">
      <TableHeader>
        <TableRow>
          <TableHead className="pl-6">Started</TableHead>
          <TableHead>Trigger</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Duration</TableHead>
          {countColumns.map(([key, label]) => (
            <TableHead key={key} className="text-right">
              {label}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id}>
            <TableCell className="pl-6">
              <RelativeTime value={run.startedAt ?? run.createdAt} />
            </TableCell>
            <TableCell className="capitalize">{run.trigger}</TableCell>
            <TableCell>
              <Badge variant={statusVariants[run.status]} className="capitalize">
                {run.status}
              </Badge>
              {run.error && <span className="block max-w-64 text-xs whitespace-normal text-destructive">{run.error}</span>}
            </TableCell>
            <TableCell>{duration(run)}</TableCell>
            {countColumns.map(([key]) => (
              <TableCell key={key} className="text-right tabular-nums">
                {run.counts ? run.counts[key] : "—"}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
