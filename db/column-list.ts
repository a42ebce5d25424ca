import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";

/** `"table"."column_name" as "key", …` for `keys` (default: every column), for hand-written hot queries. */
export function columnList<T extends PgTable>(table: T, keys: readonly (keyof T["_"]["columns"] & string)[] = Object.keys(getTableColumns(table))): SQL {
  const name = getTableName(table);
  return sql.raw(keys.map((key) => `"${name}"."${toSnakeCase(key)}" as "${key}"`).join(", "));
}
