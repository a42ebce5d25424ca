import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { registerJob } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/log";
import { purgeExpiredMembers } from "./purge-expired-members";

export const purgeMembersQueue = "members-purge-expired";

/**
 * Purges members whose retention window ended, every hour at minute 7, once across all instances;
 * a directory's sync run also purges its own.
 */
export async function scheduleMemberPurge(boss: PgBoss, db: Db, { pollingIntervalSeconds = 30 } = {}): Promise<void> {
  await registerJob(boss, {
    queue: purgeMembersQueue,
    options: { policy: "short", retryLimit: 2 },
    cron: "7 * * * *",
    pollingIntervalSeconds,
    work: async () => {
      const { membersPurged, usersDeleted } = await purgeExpiredMembers(db);
      if (membersPurged > 0) logger().info({ membersPurged, usersDeleted }, "purged members past their retention window");
    },
  });
}
