import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * Database-level operations on the test server. They connect to the database named in
 * TEST_DATABASE_URL only to issue CREATE/DROP DATABASE, and never read or write its tables.
 */

/** A name no other run (or other file of this run) on the same server can pick. */
export function uniqueDatabaseName(purpose: "tmpl" | "test"): string {
  return `rollcall_${purpose}_${process.pid}_${randomBytes(5).toString("hex")}`;
}

/** `adminUrl` with its database replaced by `name`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(adminUrl: string, run: (sql: postgres.Sql) => Promise<unknown>): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates `name` as a copy of `template`; template0 gives a truly empty database. */
export function createDatabase(adminUrl: string, name: string, template: string): Promise<void> {
  return onServer(adminUrl, (sql) => sql`create database ${sql(name)} template ${sql(template)}`);
}

/** Drops `name` even if a test left a connection open. */
export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return onServer(adminUrl, (sql) => sql`drop database if exists ${sql(name)} with (force)`);
}
