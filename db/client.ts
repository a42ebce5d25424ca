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
      db: drizzlePostgres({ client: preparingStatements(client), ...drizzleOptions }),
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

type Callback = (client: postgres.Sql) => unknown;

/**
 * drizzle runs every query unprepared, which postgres.js does in two round trips (describe the
 * parameters, then execute). Prepared, a query runs in one round trip from the second time on and
 * PostgreSQL skips parsing and planning it: that halves the database calls of every request.
 * postgres.js keeps the statements per connection, and connections are recycled within an hour.
 */
function preparingStatements<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  const wrapLast = (args: unknown[]) => {
    const callback = args.at(-1) as Callback;
    return [...args.slice(0, -1), (inner: postgres.Sql) => callback(preparingStatements(inner))];
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], queryOptions?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...queryOptions, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        const method = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => method.apply(target, wrapLast(args));
      }
      return Reflect.get(target, property, receiver);
    },
  });
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
