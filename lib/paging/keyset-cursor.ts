import { sql, type Column, type SQL } from "drizzle-orm";
import type { z } from "zod";

/**
 * Keyset paging: a page ends on a row, and the next page starts strictly after that row's sort
 * key. The cursor is the last row's sort values, opaque to clients (base64url JSON).
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The sort values of a cursor, or undefined for no cursor or one this list did not hand out. */
export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Rows after `values` in the order of `keys`, written as a row comparison: PostgreSQL turns it into
 * an index range condition on an index over those columns, which an OR of comparisons is not.
 */
export function rowsAfter(keys: readonly (SQL | Column)[], values: readonly unknown[]): SQL {
  return sql`(${sql.join([...keys], sql`, `)}) > (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}
