import { and, asc, eq, lte, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { deliverMailQueue, type DeliverMailJob } from "./mail-outbox-queues";

/**
 * Sends a delivery job for each pending mail that is due: a retry whose delay is over, or a mail
 * whose job was lost (its attempt died with its process). A mail that still has a job waiting gets
 * no second one: jobs of the delivery queue are unique per mail while queued (policy `short`).
 */
export async function sweepMailOutbox(db: Db, boss: PgBoss, limit = 500): Promise<number> {
  const due = await db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit);
  if (due.length > 0) {
    await boss.insert(due.map(({ id }) => ({ name: deliverMailQueue, data: { outboxId: id } satisfies DeliverMailJob, singletonKey: id })));
  }
  return due.length;
}
