import { getDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { setAuthSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { startJobQueue } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/log";
import { configuredMailer } from "@/lib/mail/send-mail";
import { startMailOutbox } from "@/lib/mail/start-mail-outbox";
import { scheduleMemberPurge } from "@/lib/members/schedule-member-purge";
import { writeServerHandle } from "@/lib/operator/server-handle";
import { startSyncEngine } from "@/lib/sync/start-sync-engine";
import { ensureAuthSecret } from "./ensure-auth-secret";
import { seedDemoWorkspace, type SeedResult } from "./seed-demo-workspace";

/**
 * Everything a server process does before it serves a request: connect, migrate, make sure the
 * auth secret exists, seed the demo workspace, start the job queue and its workers, and tell the
 * person at the terminal how to sign in.
 */
export async function startServer(): Promise<void> {
  const e = env();
  // Before the embedded database opens: from now on the operator CLI talks to this process.
  if (!e.DATABASE_URL) writeServerHandle({ url: `http://127.0.0.1:${e.PORT}` });
  const database = getDatabase();
  const started = Date.now();
  await step("apply database migrations", () => migrateDatabase(database));
  setAuthSecret(await step("load the auth secret", () => ensureAuthSecret(database.db, e.AUTH_SECRET)));
  const seed = e.ROLLCALL_SEED_DEMO
    ? await step("seed the demo workspace", () =>
        seedDemoWorkspace(database.db, { ownerEmail: e.ROLLCALL_OWNER_EMAIL, ownerPassword: e.ROLLCALL_OWNER_PASSWORD }),
      )
    : undefined;
  const jobs = await step("start the job queue", () => startJobQueue(database));
  await step("start the mail outbox", () => startMailOutbox(jobs, database.db, { mailer: configuredMailer() }));
  await step("start the sync engine", () => startSyncEngine(jobs, database.db));
  await step("schedule the retention purge", () => scheduleMemberPurge(jobs, database.db));
  logger().info({ database: database.kind, ms: Date.now() - started }, "database ready");
  process.stdout.write(banner(database.kind === "pglite" ? `embedded PostgreSQL (PGlite) in ${e.pgliteDir}` : "PostgreSQL (DATABASE_URL)", e.appUrl, seed));
}

/** Next keeps listening (answering 500 to everything) when register() throws: a broken server must not start. */
export async function startServerOrExit(): Promise<void> {
  try {
    await startServer();
  } catch (error) {
    process.stderr.write(`\nRollcall could not start: ${error instanceof Error ? error.message : String(error)}\n\n`);
    process.exit(1);
  }
}

/** Runs one start-up step; a failure names the step and the underlying cause (not drizzle's query dump). */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    let root: unknown = error;
    while (root instanceof Error && root.cause instanceof Error) root = root.cause;
    throw new Error(`could not ${what}: ${root instanceof Error ? root.message : String(root)}`, { cause: error });
  }
}

function banner(databaseLabel: string, appUrl: string, seed: SeedResult | undefined): string {
  const lines = ["", "  Rollcall is ready.", "", `  Console:   ${appUrl}/login`, `  Database:  ${databaseLabel}`];
  if (seed?.generatedPassword) {
    lines.push(`  Sign in:   ${seed.ownerEmail}`, `  Password:  ${seed.generatedPassword}   (shown only this once: keep it)`);
  } else if (seed && env().ROLLCALL_OWNER_PASSWORD) {
    lines.push(`  Sign in:   ${seed.ownerEmail} with the password in ROLLCALL_OWNER_PASSWORD`);
  } else if (seed) {
    lines.push(`  Sign in:   ${seed.ownerEmail} with the password printed on first start`, "             (or set ROLLCALL_OWNER_PASSWORD and restart to choose a new one)");
  }
  lines.push("  Or ask for a sign-in link on the login page" + (env().SMTP_URL ? "." : ": without SMTP_URL it is printed here."), "", "");
  return lines.join("\n");
}
