import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { registerJob } from "@/lib/jobs/job-queue";
import { claimSeconds, deliverOutboxMail } from "./deliver-outbox-mail";
import { deliverMailJob, deliverMailQueue, sweepMailQueue } from "./mail-outbox-queues";
import type { Mailer } from "./send-mail";
import { sweepMailOutbox } from "./sweep-mail-outbox";

export type MailOutboxOptions = {
  /** Undefined: no SMTP server, so mail is printed to the server's output (see deliverOutboxMail). */
  mailer: Mailer | undefined;
  pollingIntervalSeconds?: number;
};

/** Starts this instance's outbox workers: deliveries, and the sweep pg-boss runs every minute. */
export async function startMailOutbox(boss: PgBoss, db: Db, { mailer, pollingIntervalSeconds }: MailOutboxOptions): Promise<void> {
  await registerJob(boss, {
    queue: deliverMailQueue,
    // Retries are the outbox's (deliverOutboxMail); a job that fails otherwise is left to the sweep.
    options: { policy: "short", retryLimit: 0, expireInSeconds: claimSeconds },
    pollingIntervalSeconds,
    work: async (data) => {
      await deliverOutboxMail(db, deliverMailJob.parse(data).outboxId, mailer);
    },
  });
  await registerJob(boss, {
    queue: sweepMailQueue,
    options: { policy: "short", retryLimit: 0 },
    cron: "* * * * *",
    // A job a minute: no need to look for one as often as for deliveries.
    pollingIntervalSeconds: pollingIntervalSeconds ?? 15,
    work: async () => {
      await sweepMailOutbox(db, boss);
    },
  });
}
