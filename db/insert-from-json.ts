import { getTableName, sql, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * An insert of `columns` for rows passed as one JSON parameter, for hot paths. The statement text
 * is the same for one row or five hundred, so PostgreSQL prepares it once, and nothing is built
 * per value: drizzle's insert builder spent more CPU on a 40-column row than PostgreSQL spent
 * storing it. Columns left out get their defaults; JSON carries every value type we store.
 */
export function insertFromJson<T extends PgTable>(table: T, columns: readonly (keyof T["$inferInsert"] & string)[]) {
  const names = columns.map((key) => [key, toSnakeCase(key)] as const);
  const list = sql.raw(names.map(([, name]) => `"${name}"`).join(", "));
  const target = sql.raw(`"${getTableName(table)}"`);
  return (rows: readonly T["$inferInsert"][]): SQL => {
    const records = rows.map((row) => Object.fromEntries(names.map(([key, name]) => [name, row[key] ?? null])));
    return sql`insert into ${target} (${list}) select ${list} from jsonb_populate_recordset(null::${target}, ${JSON.stringify(records)}::text::jsonb)`;
  };
}
