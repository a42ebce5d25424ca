import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

/** A drizzle database or transaction on either driver. Domain functions take one as first argument. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database =
  | { kind: "pglite"; db: Db; client: PGlite; close: () => Promise<void> }
  | { kind: "postgres"; db: Db; url: string; close: () => Promise<void> };

export type DatabaseTarget = { url: string } | { pgliteDir: string } | { pglite: PGlite };

const drizzleOptions = { schema, casing: "snake_case" } as const;

/** Opens a database. Nothing connects until the first query. */
export function openDatabase(target: DatabaseTarget, options: { max?: number } = {}): Database {
  if ("url" in target) {
    const client = postgres(target.url, { max: options.max ?? 10, onnotice: () => {} });
    return {
      kind: "postgres",
      db: drizzlePostgres({ client, ...drizzleOptions }),
      url: target.url,
      close: () => client.end({ timeout: 5 }),
    };
  }
  let client: PGlite;
  if ("pglite" in target) {
    client = target.pglite;
  } else {
    mkdirSync(target.pgliteDir, { recursive: true });
    client = new PGlite(target.pgliteDir);
  }
  return { kind: "pglite", db: drizzlePglite({ client, ...drizzleOptions }), client, close: () => client.close() };
}

const globalForDb = globalThis as unknown as { rollcallDatabase?: Database };

/** The process-wide database, from configuration (DATABASE_URL, else embedded PGlite). */
export function getDatabase(): Database {
  globalForDb.rollcallDatabase ??= openDatabase(
    env().DATABASE_URL ? { url: env().DATABASE_URL! } : { pgliteDir: env().pgliteDir },
  );
  return globalForDb.rollcallDatabase;
}

export function getDb(): Db {
  return getDatabase().db;
}

/** Makes `database` the process-wide one (tests open their own isolated database). */
export function setDatabase(database: Database | undefined) {
  globalForDb.rollcallDatabase = database;
}
