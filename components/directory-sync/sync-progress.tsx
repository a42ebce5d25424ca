import type { SyncRunData } from "@/lib/directories/sync-overview-data";

const number = new Intl.NumberFormat("en");

/** The run in progress: members processed of the total, as a progress bar. */
export function SyncProgress({ run }: { run: SyncRunData }) {
  const total = run.total ?? 0;
  const label = run.status === "queued" ? "Waiting to start…" : total > 0 ? `${number.format(run.processed)} of ${number.format(total)} members processed` : "Counting members…";
  const percent = total > 0 ? Math.min(100, Math.round((run.processed / total) * 100)) : 0;
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between text-sm">
        <span className="font-medium">{run.trigger === "manual" ? "Manual sync" : "Scheduled sync"}</span>
        <span className="text-muted-foreground" aria-live="polite">
          {label}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Members processed"
        aria-valuemin={0}
        aria-valuemax={total || undefined}
        aria-valuenow={total ? run.processed : undefined}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-2 rounded-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
