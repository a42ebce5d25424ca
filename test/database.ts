import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, setDatabase, type Database, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from "./postgres-server";
import "./provided-context";

export type TestDatabaseKind = "pglite" | "postgres";

/** The engine of the current Vitest project (set in vitest.config.ts). */
export const testDatabaseKind: TestDatabaseKind = readKind();

function readKind(): TestDatabaseKind {
  const kind = process.env.ROLLCALL_TEST_DB;
  if (kind === "pglite" || kind === "postgres") return kind;
  throw new Error(`ROLLCALL_TEST_DB must be "pglite" or "postgres" (got ${kind ?? "nothing"}): run tests through vitest.config.ts`);
}

/**
 * Opens a database of its own for the caller, migrated unless `migrated: false` (then it is as
 * empty as on a fresh install). `close()` also deletes it.
 */
export async function createTestDatabase({ migrated = true }: { migrated?: boolean } = {}): Promise<Database> {
  if (testDatabaseKind === "pglite") {
    const dumps = provided("pgliteDumps");
    const tar = await readFile(migrated ? dumps.migrated : dumps.empty);
    const pglite = await PGlite.create({ loadDataDir: new Blob([tar], { type: "application/x-tar" }) });
    return openDatabase({ pglite });
  }

  const { adminUrl, template } = provided("postgres");
  const name = uniqueDatabaseName("test");
  await createDatabase(adminUrl, name, migrated ? template : "template0");
  const database = openDatabase({ url: databaseUrl(adminUrl, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

function provided<K extends "pgliteDumps" | "postgres">(key: K) {
  const value = inject(key);
  if (!value) throw new Error(`The global setup of the ${testDatabaseKind} project did not provide "${key}"`);
  return value;
}

/**
 * Call at the top level of a test file: the file gets a migrated database of its own, which is
 * also the process-wide one (`getDb()`), for as long as its tests run.
 * Returns a getter, because the database opens in `beforeAll`.
 */
export function setUpTestDatabase(): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    setDatabase(database);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await database?.close();
  });
  return () => {
    if (!database) throw new Error("The test database opens in beforeAll: use it inside a test or hook");
    return database;
  };
}

const allTables = Object.values(schema).flatMap((value: unknown) => (is(value, PgTable) ? [value] : []));

/** Empties every application table, so each test starts from a freshly migrated state. */
export async function resetDatabase(db: Db): Promise<void> {
  const names = sql.join(
    allTables.map((table) => sql.identifier(getTableName(table))),
    sql`, `,
  );
  await db.execute(sql`truncate table ${names} restart identity cascade`);
}
