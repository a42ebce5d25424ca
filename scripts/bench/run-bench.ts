// `npm run bench`: the issue's speed figures against real PostgreSQL and the production build, each
// beside its target and beside a trivial route measured in the same run (the framework's ceiling on
// this machine). Exit code 1 only when the bench itself breaks, never for a missed target.
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "@/db/client";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { defaultBenchDatabaseUrl, dropBenchDatabase, lockBench, recreateBenchDatabase, serverVersion } from "./bench-database";
import { ensureProductionBuild, freePort, startServer, waitForHealth, type BenchServer } from "./bench-server";
import { addMembersInBatches } from "./group-phase";
import { createUsersLoad, filterUsersLoad, healthLoad, runLoadPhase, type LoadSettings } from "./load-phases";
import { mapLargeGroup } from "./mapping-phase";
import { syncLargeDirectory } from "./sync-phase";
import { lastPageStart, timePage, walkAllPages } from "./paging-phase";
import { sampleRss } from "./process-stats";
import { evaluateTargets, formatReport, syncPhase, writeResults, type BenchResults } from "./report";
import { expectStatus, numberField, scimClient, type ScimClient } from "./scim-client";
import { createBenchDirectory, storedUserIds, storedUserName, storeUsers, waitForServerSetup } from "./seed-bench-directory";

const storedUsers = 100_000;
const pageSize = 100;
const pageRepeats = 20;
const groupMembers = 10_000;
const groupBatch = 1_000;
const mappedGroupMembers = 50_000;
const load: LoadSettings = { connections: 16, durationSeconds: Number(process.env.BENCH_DURATION_SECONDS || 10), warmupSeconds: 2 };
const resultsFile = path.join(process.cwd(), "bench-results.json");

const step = (what: string) => console.log(`• ${what}`);

/** A lookup that answers 200 with no match would make the filter phase meaningless: check one first. */
async function checkFilterFinds(client: ScimClient): Promise<void> {
  const reply = await client.request("GET", `/Users?filter=${encodeURIComponent(`userName eq "${storedUserName(1)}"`)}`);
  expectStatus(reply, [200], "GET /Users?filter=userName eq …");
  if (numberField(reply.body, "totalResults") !== 1) throw new Error(`The filter did not find ${storedUserName(1)}: ${JSON.stringify(reply.body).slice(0, 300)}`);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || defaultBenchDatabaseUrl;
  const unlock = await lockBench(databaseUrl, () => step("Waiting for another bench run on this PostgreSQL server to finish"));
  try {
    await benchmark(databaseUrl);
  } finally {
    await unlock();
  }
}

async function benchmark(databaseUrl: string): Promise<void> {
  const startedAt = new Date().toISOString();
  step(`Recreating the database ${new URL(databaseUrl).pathname.slice(1)}`);
  await recreateBenchDatabase(databaseUrl);
  let server: BenchServer | undefined;
  let database: Database | undefined;
  let rss: ReturnType<typeof sampleRss> | undefined;
  try {
    step("Making sure the production build is current");
    ensureProductionBuild();
    server = startServer({ port: await freePort(3300), databaseUrl });
    step(`Starting the server on ${server.baseUrl} (log: ${server.logFile})`);
    await waitForHealth(server, 120_000);
    database = openDatabase({ url: databaseUrl }, { max: 4 });
    const db = database.db;
    await waitForServerSetup(db, 120_000);
    const serverPid = server.pid;
    rss = sampleRss(serverPid);

    step(`Creating a directory and storing ${storedUsers.toLocaleString("en")} users`);
    rss.setPhase("seed");
    const directory = await createBenchDirectory(db);
    await storeUsers(db, directory, storedUsers);
    const client = scimClient(server.baseUrl, directory.directoryId, directory.token);
    await checkFilterFinds(client);
    const phase = (name: string) => {
      step(name);
      rss!.setPhase(name);
    };

    phase("GET /api/health");
    const health = await runLoadPhase(db, directory.directoryId, serverPid, healthLoad(server.baseUrl, load));
    phase("GET /Users?filter");
    const filterUsers = await runLoadPhase(db, directory.directoryId, serverPid, filterUsersLoad(server.baseUrl, client, storedUsers, load));

    phase("paging");
    const firstPage = await timePage(client, 1, pageSize, pageRepeats);
    const lastPage = await timePage(client, lastPageStart(storedUsers, pageSize), pageSize, pageRepeats);
    const walk = await walkAllPages(client, pageSize);

    phase("group PATCH");
    const group = await addMembersInBatches(client, await storedUserIds(db, directory, groupMembers), groupBatch);

    phase("group mapping");
    const mapping = await mapLargeGroup(db, directory, mappedGroupMembers);

    phase("POST /Users");
    const createUsers = await runLoadPhase(db, directory.directoryId, serverPid, createUsersLoad(server.baseUrl, client, load));

    phase("paging after creates");
    const firstAfter = await timePage(client, 1, pageSize, pageRepeats);
    const lastAfter = await timePage(client, lastPageStart(firstAfter.totalResults, pageSize), pageSize, pageRepeats);

    phase(syncPhase);
    // "Sync now" sends the run's job in its transaction: that needs a job queue in this process too.
    await startJobQueue(database);
    const sync = await syncLargeDirectory(db, directory);
    await stopJobQueue();

    const memory = rss.stop();
    const results: BenchResults = {
      startedAt,
      settings: { ...load, storedUsers, cpus: os.cpus().length, node: process.versions.node, postgres: await serverVersion(databaseUrl) },
      health,
      filterUsers,
      createUsers,
      group,
      mapping,
      sync,
      paging: { firstPage, lastPage, walk, afterCreates: { firstPage: firstAfter, lastPage: lastAfter } },
      memory: { serverPid, ...memory },
    };
    const targets = evaluateTargets(results);
    console.log(`\n${formatReport(results, targets)}\n`);
    writeResults(resultsFile, results, targets);
    step(`Results written to ${path.relative(process.cwd(), resultsFile)}`);
  } catch (error) {
    if (server?.hasExited()) console.error(`\nThe server exited during the bench; its last output:\n${server.logTail(40)}`);
    throw error;
  } finally {
    rss?.stop();
    step("Stopping the server and dropping the database");
    await server?.stop();
    await database?.close();
    await dropBenchDatabase(databaseUrl);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\nThe bench broke (this is not a missed target): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
