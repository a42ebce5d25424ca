import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { activityEvents, mailOutbox } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { resetDatabase, setUpTestDatabase } from "@/test/database";
import { startSmtpCatcher, unreachableSmtpUrl, type SmtpCatcher } from "@/test/smtp-catcher";
import { deliverOutboxMail, maxAttempts } from "./deliver-outbox-mail";
import { enqueueOutboxMail } from "./enqueue-outbox-mail";
import { smtpMailer, type Mailer } from "./send-mail";
import { welcomeMail } from "./welcome-mail";

// Delivery rules, one attempt at a time (no job queue runs in this file: welcome-email.test.ts runs the workers).
const database = setUpTestDatabase();
const db = () => database().db;
let smtp: SmtpCatcher;
let mailer: Mailer;
let acme: SeededAcme;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  mailer = smtpMailer(smtp.url);
});
afterAll(() => smtp.close());

beforeEach(async () => {
  await resetDatabase(db());
  acme = await seedAcme(db());
  smtp.messages.length = 0;
  smtp.refuseRecipients = undefined;
  smtp.acceptDelayMs = 0;
});

const loginUrl = "http://localhost:3000/login";

function queueMail(to = "ada@acme.test"): Promise<string> {
  return enqueueOutboxMail(db(), { workspaceId: acme.workspaceId, kind: "welcome" }, welcomeMail({ to, name: "Ada Lovelace", workspaceName: "Acme", loginUrl }));
}

async function outboxRow(id: string) {
  const [row] = await db().select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row!;
}

/** As if the retry delay had passed. */
const makeDue = (id: string) => db().update(mailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(mailOutbox.id, id));

const events = (action: "mail.sent" | "mail.failed") =>
  db().select().from(activityEvents).where(and(eq(activityEvents.workspaceId, acme.workspaceId), eq(activityEvents.action, action)));

describe("deliverOutboxMail", () => {
  it("sends a pending mail over SMTP, marks it sent and records mail.sent; another attempt then does nothing", async () => {
    const id = await queueMail();

    expect(await deliverOutboxMail(db(), id, mailer)).toBe("sent");
    expect(await deliverOutboxMail(db(), id, mailer)).toBe("skipped");

    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toMatchObject({ envelopeTo: ["ada@acme.test"], subject: "Welcome to Acme on Rollcall" });
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 1, lastError: null, sentAt: expect.any(Date) });
    expect(await events("mail.sent")).toEqual([expect.objectContaining({ kind: "member", summary: "Sent the welcome email to ada@acme.test" })]);
  });

  it("sends a mail once when several attempts run at the same time", async () => {
    const id = await queueMail();
    smtp.acceptDelayMs = 200;

    const outcomes = await Promise.all([1, 2, 3, 4].map(() => deliverOutboxMail(db(), id, mailer)));

    expect(outcomes.sort()).toEqual(["sent", "skipped", "skipped", "skipped"]);
    expect(smtp.messages).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("keeps a refused mail pending with the error, waits out the retry delay, and sends it once SMTP accepts it again", async () => {
    const id = await queueMail();
    smtp.refuseRecipients = "Mailbox unavailable";

    expect(await deliverOutboxMail(db(), id, mailer)).toBe("retrying");
    const refused = await outboxRow(id);
    expect(refused).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("550 Mailbox unavailable") });
    expect(refused.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await deliverOutboxMail(db(), id, mailer)).toBe("skipped");

    smtp.refuseRecipients = undefined;
    await makeDue(id);
    expect(await deliverOutboxMail(db(), id, mailer)).toBe("sent");
    await makeDue(id);
    expect(await deliverOutboxMail(db(), id, mailer)).toBe("skipped");

    expect(smtp.messages).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("counts an SMTP server that cannot be reached as a failed attempt", async () => {
    const id = await queueMail();

    expect(await deliverOutboxMail(db(), id, smtpMailer(await unreachableSmtpUrl()))).toBe("retrying");

    expect(await outboxRow(id)).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("ECONNREFUSED") });
  });

  it(`fails the mail for good when attempt ${maxAttempts} fails too, and records mail.failed with the reason`, async () => {
    const id = await queueMail();
    await db().update(mailOutbox).set({ attempts: maxAttempts - 1 }).where(eq(mailOutbox.id, id));
    smtp.refuseRecipients = "Mailbox unavailable";

    expect(await deliverOutboxMail(db(), id, mailer)).toBe("failed");
    smtp.refuseRecipients = undefined;
    await makeDue(id);
    expect(await deliverOutboxMail(db(), id, mailer)).toBe("skipped");

    expect(smtp.messages).toEqual([]);
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: maxAttempts, lastError: expect.stringContaining("Mailbox unavailable") });
    expect(await events("mail.failed")).toEqual([
      expect.objectContaining({
        kind: "member",
        summary: `Could not send the welcome email to ada@acme.test after ${maxAttempts} attempts`,
        error: expect.stringContaining("Mailbox unavailable"),
      }),
    ]);
  });

  it("without an SMTP server, prints the mail to the server's output and keeps it as logged", async () => {
    const id = await queueMail();
    const output = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await deliverOutboxMail(db(), id, undefined)).toBe("logged");
      const printed = output.mock.calls.map(([chunk]) => String(chunk)).join("");
      expect(printed).toContain("ada@acme.test");
      expect(printed).toContain("Subject: Welcome to Acme on Rollcall");
      expect(printed).toContain(loginUrl);
    } finally {
      output.mockRestore();
    }
    expect(await outboxRow(id)).toMatchObject({ status: "logged", attempts: 1 });
    expect(await deliverOutboxMail(db(), id, undefined)).toBe("skipped");
  });
});
