import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, syncRuns, type SyncRun } from "@/db/schema";

export type SyncOverview = {
  intervalMinutes: number;
  /** When the next scheduled run is due; null while the directory is not active. */
  nextSyncAt: Date | null;
  /** The queued or running run, if any (there is at most one). */
  current: SyncRun | null;
  /** The latest runs, newest first. */
  runs: SyncRun[];
};

/** The directory's latest sync runs, newest first. */
export async function listSyncRuns(db: Db, directoryId: string, limit = 20): Promise<SyncRun[]> {
  return db.select().from(syncRuns).where(eq(syncRuns.directoryId, directoryId)).orderBy(desc(syncRuns.createdAt), desc(syncRuns.id)).limit(limit);
}

/** What the console's sync page shows: the schedule, the run in progress and the latest runs. */
export async function syncOverview(db: Db, directoryId: string): Promise<SyncOverview> {
  const [[directory], [current], runs] = await Promise.all([
    db
      .select({ intervalMinutes: directoryConnections.syncIntervalMinutes, state: directoryConnections.state, nextSyncAt: directoryConnections.nextSyncAt })
      .from(directoryConnections)
      .where(eq(directoryConnections.id, directoryId)),
    db
      .select()
      .from(syncRuns)
      .where(and(eq(syncRuns.directoryId, directoryId), inArray(syncRuns.status, ["queued", "running"]))),
    listSyncRuns(db, directoryId),
  ]);
  if (!directory) throw new Error(`Directory ${directoryId} does not exist`);
  return {
    intervalMinutes: directory.intervalMinutes,
    nextSyncAt: directory.state === "active" ? directory.nextSyncAt : null,
    current: current ?? null,
    runs,
  };
}
