import { sql, type SQL } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";

/**
 * pg-boss's database adapter over a drizzle database or transaction, so a job can be sent in the
 * transaction that writes what the job is about: the job exists exactly when that commits.
 * Only for single statements with `$n` parameters, which is what pg-boss's `send` and `insert` run.
 */
export function drizzleExecutor(db: Db): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({ rows: await queryRows(db, positional(text, values)) }),
  };
}

function positional(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let from = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(from, match.index)), sql`${parameter(values[Number(match[1]) - 1])}`);
    from = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(from)));
  return sql.join(chunks);
}

/** As the `pg` driver pg-boss is written for would send it: objects as JSON, nothing as null. */
function parameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}
