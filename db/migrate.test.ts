import { getTableName, is, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, setUpTestDatabase } from "@/test/database";
import type { Database, Db } from "./client";
import { migrateDatabase, migrationsFolder } from "./migrate";
import { queryRows } from "./rows";
import * as schema from "./schema";
import { workspaces } from "./schema";

const schemaTables = Object.values(schema).flatMap((value: unknown) => (is(value, PgTable) ? [value] : []));
const migrationHashes = readMigrationFiles({ migrationsFolder }).map((m) => m.hash);

async function publicColumns(db: Db): Promise<Record<string, string[]>> {
  const rows = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
  );
  const columns: Record<string, string[]> = {};
  for (const { table_name, column_name } of rows) (columns[table_name] ??= []).push(column_name);
  for (const list of Object.values(columns)) list.sort();
  return columns;
}

/** What db/schema.ts declares, in database names (the drizzle client uses snake_case casing). */
function schemaColumns(): Record<string, string[]> {
  return Object.fromEntries(
    schemaTables.map((table) => [
      getTableName(table),
      getTableConfig(table)
        .columns.map((c) => (c.keyAsName ? toSnakeCase(c.name) : c.name))
        .sort(),
    ]),
  );
}

async function recordedMigrationHashes(db: Db): Promise<string[]> {
  const rows = await queryRows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by id`);
  return rows.map((r) => r.hash);
}

/** Runs `test` on an empty database of its own, then deletes it. */
async function withEmptyDatabase(test: (database: Database) => Promise<void>): Promise<void> {
  const database = await createTestDatabase({ migrated: false });
  try {
    await test(database);
  } finally {
    await database.close();
  }
}

describe("migrateDatabase", () => {
  const database = setUpTestDatabase();

  it("creates every table and column of db/schema.ts on an empty database", () =>
    withEmptyDatabase(async (empty) => {
      expect(await publicColumns(empty.db)).toEqual({});
      await migrateDatabase(empty);
      expect(await publicColumns(empty.db)).toEqual(schemaColumns());
      expect(await recordedMigrationHashes(empty.db)).toEqual(migrationHashes);
    }));

  it("is a no-op on a database that is already migrated, keeping its data", async () => {
    const { db } = database();
    await db.insert(workspaces).values({ slug: "kept", name: "Kept", seatLimit: 1 });
    const before = await recordedMigrationHashes(db);
    expect(before).toEqual(migrationHashes);

    await migrateDatabase(database());

    expect(await recordedMigrationHashes(db)).toEqual(before);
    expect(await db.select({ slug: workspaces.slug }).from(workspaces)).toEqual([{ slug: "kept" }]);
  });

  // PGlite belongs to one process, so only a server can have several instances start at once.
  it.runIf(testDatabaseKind === "postgres")(
    "lets three instances start at once on an empty database and applies each migration once",
    () =>
      withEmptyDatabase(async (empty) => {
        const results = await Promise.allSettled([migrateDatabase(empty), migrateDatabase(empty), migrateDatabase(empty)]);
        expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
        expect(await recordedMigrationHashes(empty.db)).toEqual(migrationHashes);
        expect(Object.keys(await publicColumns(empty.db)).sort()).toEqual(Object.keys(schemaColumns()).sort());
      }),
  );
});
