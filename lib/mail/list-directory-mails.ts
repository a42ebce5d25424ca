import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailOutbox, type OutboxMail } from "@/db/schema";

/** An outbox mail as the console shows it (times as ISO strings, for client components). */
export type DirectoryMailItem = Pick<OutboxMail, "id" | "recipient" | "status" | "attempts" | "lastError"> & {
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
};

/** The directory's latest outbox mail, newest first. */
export async function listDirectoryMails(db: Db, directoryId: string, limit = 10): Promise<DirectoryMailItem[]> {
  const rows = await db
    .select({
      id: mailOutbox.id,
      recipient: mailOutbox.recipient,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      nextAttemptAt: mailOutbox.nextAttemptAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.directoryId, directoryId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null, nextAttemptAt: row.nextAttemptAt.toISOString() }));
}
