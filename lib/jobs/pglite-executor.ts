import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";

/**
 * pg-boss's database adapter over the process's embedded PGlite, which is one session shared by
 * everything. pg-boss sends its schema and maintenance scripts as several statements without
 * parameters, some wrapped in their own BEGIN … COMMIT: they run inside a PGlite transaction, so
 * a script that fails half-way (as when two pg-boss instances create the schema at once) is rolled
 * back instead of leaving the shared session in an aborted transaction.
 */
export function pgliteExecutor(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values.map((value) => value ?? null));
        return { rows: result.rows };
      }
      const results = await client.transaction((tx) => tx.exec(text));
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}
