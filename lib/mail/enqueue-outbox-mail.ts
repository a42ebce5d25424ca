import type { Db } from "@/db/client";
import { mailOutbox, type NewOutboxMail } from "@/db/schema";
import { sendJob } from "@/lib/jobs/job-queue";
import { deliverMailQueue, type DeliverMailJob } from "./mail-outbox-queues";
import type { Mail } from "./send-mail";

export type OutboxMailInput = Pick<NewOutboxMail, "workspaceId" | "directoryId" | "memberId" | "kind">;

/**
 * Puts a mail in the outbox, with the job that delivers it, in the caller's transaction: both
 * exist exactly when the change the mail is about commits, and no SMTP server is waited for.
 */
export async function enqueueOutboxMail(tx: Db, owner: OutboxMailInput, mail: Mail): Promise<string> {
  const [queued] = await tx
    .insert(mailOutbox)
    .values({ ...owner, recipient: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null })
    .returning({ id: mailOutbox.id });
  const job: DeliverMailJob = { outboxId: queued!.id };
  await sendJob(tx, deliverMailQueue, job, { singletonKey: queued!.id });
  return queued!.id;
}
