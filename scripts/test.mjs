// `npm test`: every test. Vitest runs on embedded PGlite, and also on real PostgreSQL when
// TEST_DATABASE_URL is set; then the production build is tested end to end in Chromium, on PGlite
// and (with TEST_DATABASE_URL) on a fresh PostgreSQL database. Ends with one "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { ensureBuild, root } from "./ensure-build.mjs";

const resultsDir = path.join(root, "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

// Vitest
const vitestJson = path.join(resultsDir, "vitest.json");
const vitestOk = run("Unit and integration tests (Vitest)", process.execPath, [
  path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
totals.passed += vitest?.numPassedTests ?? 0;
totals.failed += vitest ? vitest.numFailedTests : 1;
totals.skipped += (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0);
if (!vitestOk && vitest && vitest.numFailedTests === 0) totals.failed += 1; // e.g. a suite that failed to load

// Playwright, once per database
ensureBuild();
const e2eRuns = [{ label: "PGlite", env: {} }];
let e2eDatabase;
if (process.env.TEST_DATABASE_URL) {
  e2eDatabase = `rollcall_e2e_${process.pid}`;
  const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${e2eDatabase}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${e2eDatabase}`;
  e2eRuns.push({ label: "PostgreSQL", env: { E2E_DATABASE_URL: url.toString() } });
}
try {
  for (const e2e of e2eRuns) {
    const json = path.join(resultsDir, `playwright-${e2e.label.toLowerCase()}.json`);
    const ok = run(`End-to-end tests in Chromium on ${e2e.label} (Playwright)`, process.execPath, [
      path.join(root, "node_modules/@playwright/test/cli.js"), "test", "--reporter=list,json",
    ], { ...e2e.env, PLAYWRIGHT_JSON_OUTPUT_NAME: json, PLAYWRIGHT_OUTPUT_DIR: path.join(resultsDir, `e2e-${e2e.label.toLowerCase()}`) });
    const stats = readJson(json)?.stats;
    totals.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
    totals.failed += stats ? stats.unexpected : 1;
    totals.skipped += stats?.skipped ?? 0;
    if (!ok && stats && stats.unexpected === 0) totals.failed += 1;
  }
} finally {
  if (e2eDatabase) {
    const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${e2eDatabase} with (force)`);
    await admin.end();
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);
