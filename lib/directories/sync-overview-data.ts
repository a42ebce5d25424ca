import type { SyncRun } from "@/db/schema";
import type { syncOverview } from "@/lib/sync";

type SyncOverview = Awaited<ReturnType<typeof syncOverview>>;

/** A sync run as the console receives it: instants as ISO strings. */
export type SyncRunData = Omit<SyncRun, "startedAt" | "finishedAt" | "createdAt"> & { startedAt: string | null; finishedAt: string | null; createdAt: string };

export type SyncOverviewData = { intervalMinutes: number; nextSyncAt: string | null; current: SyncRunData | null; runs: SyncRunData[] };

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function syncRunData(run: SyncRun): SyncRunData {
  return { ...run, startedAt: iso(run.startedAt), finishedAt: iso(run.finishedAt), createdAt: run.createdAt.toISOString() };
}

/** The same JSON from the API route and in the page's first render. */
export function syncOverviewData(overview: SyncOverview): SyncOverviewData {
  return {
    intervalMinutes: overview.intervalMinutes,
    nextSyncAt: iso(overview.nextSyncAt),
    current: overview.current ? syncRunData(overview.current) : null,
    runs: overview.runs.map(syncRunData),
  };
}
