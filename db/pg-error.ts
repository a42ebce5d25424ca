type PgErrorFields = { code?: string; constraint_name?: string; constraint?: string };

/** The PostgreSQL fields of a failure: drizzle wraps driver errors, so they sit on the error or on its cause. */
export function pgErrorFields(error: unknown): PgErrorFields | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if (typeof (e as PgErrorFields).code === "string") return e as PgErrorFields;
  }
  return undefined;
}

/** Raised by the `members_seats` trigger (db/migrations/0002_seat_counter.sql) when a change would exceed the seat limit. */
export const seatLimitCode = "RC001";

/**
 * A deadlock or serialization failure: PostgreSQL rolled the transaction back, and running it
 * again is safe and will usually succeed.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = pgErrorFields(error)?.code;
  return code === "40P01" || code === "40001";
}

/** Runs `work` again when it fails on a transient conflict, up to `attempts` runs in all; any other failure, or the last, is thrown. */
export async function retryTransientConflicts<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) throw error;
    }
  }
}
