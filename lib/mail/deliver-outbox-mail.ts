import { and, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailOutbox, type OutboxMail } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { logger } from "@/lib/log";
import type { Mailer } from "./send-mail";

/** Waits before the 2nd, 3rd, … attempt. When the attempt after the last delay fails too, the mail is failed. */
export const retryDelaysSeconds = [60, 5 * 60, 15 * 60, 60 * 60] as const;
export const maxAttempts = retryDelaysSeconds.length + 1;

/** How long an attempt holds its mail: far beyond the SMTP timeouts of lib/mail/send-mail.ts. */
export const claimSeconds = 5 * 60;

export type DeliveryOutcome =
  /** Another attempt holds the mail, or it is not due, or no longer pending: nothing was done. */
  | "skipped"
  | "sent"
  /** No mailer (no SMTP_URL): printed to the server's output instead. */
  | "logged"
  /** Refused or unreachable; a later attempt is due after the next retry delay. */
  | "retrying"
  /** Refused or unreachable on the last attempt. */
  | "failed";

const kindLabels: Record<OutboxMail["kind"], string> = { welcome: "welcome email" };

/**
 * One delivery attempt of an outbox mail. The attempt first claims the mail with one conditional
 * UPDATE that only matches while the mail is pending and due, and moves its due time past the
 * attempt: of any number of workers on any number of instances, one sends and the others skip.
 * A process that dies mid-attempt leaves the mail to be tried again once the claim lapses.
 */
export async function deliverOutboxMail(db: Db, id: string, mailer: Mailer | undefined): Promise<DeliveryOutcome> {
  const [mail] = await db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: sql`now() + make_interval(secs => ${claimSeconds})` })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, sql`now()`)))
    .returning();
  if (!mail) return "skipped";

  if (!mailer) {
    printMail(mail);
    await db.update(mailOutbox).set({ status: "logged" }).where(eq(mailOutbox.id, mail.id));
    return "logged";
  }
  try {
    await mailer({ to: mail.recipient, subject: mail.subject, text: mail.text, html: mail.html ?? undefined });
  } catch (error) {
    return recordFailure(db, mail, error);
  }
  await db.transaction(async (tx) => {
    await tx.update(mailOutbox).set({ status: "sent", sentAt: sql`now()`, lastError: null }).where(eq(mailOutbox.id, mail.id));
    await recordActivity(tx, { ...activityOf(mail), action: "mail.sent", summary: `Sent the ${kindLabels[mail.kind]} to ${mail.recipient}` });
  });
  return "sent";
}

async function recordFailure(db: Db, mail: OutboxMail, error: unknown): Promise<"retrying" | "failed"> {
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  logger().warn({ outboxId: mail.id, attempt: mail.attempts, error: lastError }, "mail delivery failed");
  const delay = retryDelaysSeconds[mail.attempts - 1];
  if (delay !== undefined) {
    await db
      .update(mailOutbox)
      .set({ lastError, nextAttemptAt: sql`now() + make_interval(secs => ${delay})` })
      .where(eq(mailOutbox.id, mail.id));
    return "retrying";
  }
  await db.transaction(async (tx) => {
    await tx.update(mailOutbox).set({ status: "failed", lastError }).where(eq(mailOutbox.id, mail.id));
    await recordActivity(tx, {
      ...activityOf(mail),
      action: "mail.failed",
      summary: `Could not send the ${kindLabels[mail.kind]} to ${mail.recipient} after ${mail.attempts} attempts`,
      error: lastError,
    });
  });
  return "failed";
}

function activityOf(mail: OutboxMail) {
  return {
    workspaceId: mail.workspaceId,
    directoryId: mail.directoryId,
    memberId: mail.memberId,
    resourceType: mail.memberId ? "User" : null,
    resourceId: mail.memberId,
    changes: { outboxId: mail.id, kind: mail.kind, attempts: mail.attempts },
  };
}

/** The development fallback, like the sign-in link's: the person at the terminal reads the mail. */
function printMail(mail: OutboxMail) {
  const body = mail.text.trimEnd().replace(/^/gm, "    ");
  process.stdout.write(`\n  The ${kindLabels[mail.kind]} for ${mail.recipient} (no SMTP_URL configured, so printed here instead of sent):\n  Subject: ${mail.subject}\n\n${body}\n\n`);
}
