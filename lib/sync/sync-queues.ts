import { z } from "zod";

/** One job per sync run; the run's worker (runSyncRun) reads everything else from the run's row. */
export const syncRunQueue = "sync-run";
/** Every minute: scheduled runs that are due, and jobs for runs whose job was lost. */
export const syncScheduleQueue = "sync-schedule";

export const syncRunJob = z.object({ runId: z.uuid() });
export type SyncRunJob = z.infer<typeof syncRunJob>;
