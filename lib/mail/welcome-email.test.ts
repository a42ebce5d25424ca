import { and, eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { activityEvents, mailOutbox, members } from "@/db/schema";
import { setWelcomeEmail } from "@/lib/directories/set-welcome-email";
import { env } from "@/lib/env";
import { createJobQueue, startJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { urns } from "@/lib/scim/schemas/urns";
import { setUpTestDatabase } from "@/test/database";
import { freshScimDirectory, type ScimClient } from "@/test/scim";
import { startSmtpCatcher, type SmtpCatcher } from "@/test/smtp-catcher";
import { deliverOutboxMail } from "./deliver-outbox-mail";
import { sweepMailQueue } from "./mail-outbox-queues";
import { smtpMailer, type Mailer } from "./send-mail";
import { startMailOutbox } from "./start-mail-outbox";
import { sweepMailOutbox } from "./sweep-mail-outbox";

// The whole path, for real: a SCIM request commits a member and its outbox mail, pg-boss workers
// running on the test database deliver it, and a local SMTP server receives it.
const database = setUpTestDatabase();
const db = () => database().db;
let smtp: SmtpCatcher;
let mailer: Mailer;
let boss: PgBoss;
let scim: ScimClient;
let directoryId: string;
let workspaceId: string;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  mailer = smtpMailer(smtp.url);
  boss = await startJobQueue(database());
  await startMailOutbox(boss, db(), { mailer, pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await stopJobQueue();
  await smtp.close();
});

beforeEach(async () => {
  ({ client: scim, directoryId, workspaceId } = await freshScimDirectory(db(), "okta"));
  await setWelcomeEmail(db(), { directoryId, workspaceId, enabled: true });
  smtp.messages.length = 0;
  smtp.refuseRecipients = undefined;
  smtp.acceptDelayMs = 0;
});

const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [urns.user],
  userName,
  name: { givenName: "Ada", familyName: "Lovelace" },
  displayName: "Ada Lovelace",
  emails: [{ value: userName, type: "work", primary: true }],
  active: true,
  ...extra,
});

const outbox = () => db().select().from(mailOutbox).where(eq(mailOutbox.directoryId, directoryId));
const waitUntil = (check: () => Promise<void> | void) => vi.waitFor(check, { timeout: 20_000, interval: 100 });

describe("the welcome email", () => {
  it("is queued with the provisioned member and delivered by the worker: to the member, naming the workspace, with the sign-in URL", async () => {
    const created = await scim.post("/Users", user("ada@acme.test"));
    expect(created.status).toBe(201);
    expect(await outbox()).toEqual([expect.objectContaining({ kind: "welcome", recipient: "ada@acme.test", memberId: created.body.id, workspaceId })]);

    await waitUntil(() => expect(smtp.messages).toHaveLength(1));
    const [mail] = smtp.messages;
    expect(mail).toMatchObject({ envelopeTo: ["ada@acme.test"], subject: "Welcome to Acme on Rollcall" });
    expect(mail!.text).toContain("Hello Ada Lovelace");
    expect(mail!.text).toContain(`${env().appUrl}/login`);
    expect(mail!.html).toContain(`href="${env().appUrl}/login"`);
    await waitUntil(async () => expect(await outbox()).toEqual([expect.objectContaining({ status: "sent", attempts: 1 })]));
    const sent = await db().select().from(activityEvents).where(eq(activityEvents.action, "mail.sent"));
    expect(sent).toEqual([expect.objectContaining({ directoryId, memberId: created.body.id })]);
  });

  it("is sent when the directory links an existing member, too", async () => {
    const [existing] = await db().insert(members).values({ workspaceId, userName: "grace", email: "grace@acme.test" }).returning({ id: members.id });

    const linked = await scim.post("/Users", user("grace@acme.test"));

    expect(linked.status).toBe(201);
    expect(linked.body.id).toBe(existing!.id);
    await waitUntil(() => expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([["grace@acme.test"]]));
  });

  it("is not queued when the directory's setting is off", async () => {
    await setWelcomeEmail(db(), { directoryId, workspaceId, enabled: false });

    expect((await scim.post("/Users", user("ada@acme.test"))).status).toBe(201);

    expect(await outbox()).toEqual([]);
  });

  it("is not queued for a user created suspended (active=false)", async () => {
    expect((await scim.post("/Users", user("ada@acme.test", { active: false }))).status).toBe(201);

    expect(await outbox()).toEqual([]);
  });

  it("never holds up provisioning: while SMTP refuses, the user is created and the mail waits with the reason; after SMTP recovers the sweep delivers it once", async () => {
    smtp.refuseRecipients = "Mailbox unavailable";

    const created = await scim.post("/Users", user("ada@acme.test"));

    expect(created.status).toBe(201);
    await waitUntil(async () =>
      expect(await outbox()).toEqual([expect.objectContaining({ status: "pending", attempts: 1, lastError: expect.stringContaining("Mailbox unavailable") })]),
    );
    expect(smtp.messages).toEqual([]);

    smtp.refuseRecipients = undefined;
    // As if the retry delay had passed; the cron sends the sweep every minute, the test sends it now.
    await db().update(mailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(mailOutbox.directoryId, directoryId));
    await boss.send(sweepMailQueue, {});
    await waitUntil(async () => expect(await outbox()).toEqual([expect.objectContaining({ status: "sent", attempts: 2, lastError: null })]));

    const [mail] = await outbox();
    expect(await sweepMailOutbox(db(), boss)).toBe(0);
    expect(await deliverOutboxMail(db(), mail!.id, mailer)).toBe("skipped");
    expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([["ada@acme.test"]]);
    expect((await boss.getSchedules()).map((s) => [s.name, s.cron])).toEqual([[sweepMailQueue, "* * * * *"]]);
  });

  it("is sent once per member when two instances run the workers and every mail is also attempted directly at the same time", async () => {
    const second = createJobQueue(database());
    await second.start();
    try {
      await startMailOutbox(second, db(), { mailer, pollingIntervalSeconds: 0.5 });
      smtp.acceptDelayMs = 100;

      const names = ["ada", "grace", "alan", "edsger", "barbara", "donald"].map((n) => `${n}@acme.test`);
      for (const name of names) expect((await scim.post("/Users", user(name))).status).toBe(201);
      const queued = await outbox();
      await Promise.all([sweepMailOutbox(db(), boss), sweepMailOutbox(db(), second), ...queued.map((mail) => deliverOutboxMail(db(), mail.id, mailer))]);

      await waitUntil(async () => expect((await outbox()).every((mail) => mail.status === "sent")).toBe(true));
      expect(smtp.messages.flatMap((m) => m.envelopeTo).sort()).toEqual([...names].sort());
      expect(await db().select().from(activityEvents).where(and(eq(activityEvents.workspaceId, workspaceId), eq(activityEvents.action, "mail.sent")))).toHaveLength(
        names.length,
      );
    } finally {
      await second.stop({ graceful: false });
    }
  });
});
