// An app instance reduced to its sync engine, for the crash test (lib/sync/sync-crash.test.ts):
//   node --import tsx test/sync-worker-process.ts <database url> <batch size> <job expiry seconds>
// Prints "ready" once its worker listens; SIGTERM stops it cleanly, SIGKILL is the crash.
import { openDatabase } from "@/db/client";
import { createJobQueue } from "@/lib/jobs/job-queue";
import { startSyncEngine } from "@/lib/sync/start-sync-engine";

const [url, batchSize, expireInSeconds] = process.argv.slice(2);
if (!url || !batchSize || !expireInSeconds) throw new Error("usage: sync-worker-process.ts <database url> <batch size> <job expiry seconds>");

const database = openDatabase({ url }, { max: 2 });
// Maintenance every second: an expired job (its worker was killed) is retried at once.
const boss = createJobQueue(database, { maintenanceIntervalSeconds: 1 });

async function main() {
  await boss.start();
  await startSyncEngine(boss, database.db, { pollingIntervalSeconds: 0.5, batchSize: Number(batchSize), expireInSeconds: Number(expireInSeconds) });
  process.stdout.write("ready\n");
}

process.once("SIGTERM", () => {
  void boss
    .stop({ graceful: false })
    .then(() => database.close())
    .finally(() => process.exit(0));
});

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
