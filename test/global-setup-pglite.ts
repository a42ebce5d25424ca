import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import "./provided-context";

/**
 * Creating a PGlite from scratch takes about 3 s, loading a dump about 0.5 s: so initialise once,
 * dump the data directory before and after migrating, and let each test file load a dump.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), "rollcall-pglite-"));
  const dumps = { empty: path.join(dir, "empty.tar"), migrated: path.join(dir, "migrated.tar") };

  const pglite = await PGlite.create();
  try {
    await dump(pglite, dumps.empty);
    await migrateDatabase(openDatabase({ pglite }));
    await dump(pglite, dumps.migrated);
  } finally {
    await pglite.close();
  }

  project.provide("pgliteDumps", dumps);
  return () => rm(dir, { recursive: true, force: true });
}

async function dump(pglite: PGlite, file: string): Promise<void> {
  // Uncompressed: loading skips the gunzip, and the files live only for this run.
  const blob = await pglite.dumpDataDir("none");
  await writeFile(file, Buffer.from(await blob.arrayBuffer()));
}
