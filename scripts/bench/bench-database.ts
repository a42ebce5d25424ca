import postgres from "postgres";

export const defaultBenchDatabaseUrl = "postgres://postgres@127.0.0.1:5432/rollcall_bench";

/** The bench drops and recreates its database, so it refuses any name that is not clearly its own. */
function benchDatabaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/^rollcall_bench\w*$/.test(name)) {
    throw new Error(`BENCH_DATABASE_URL must name a database rollcall_bench…, not "${name}": the bench drops it.`);
  }
  return name;
}

async function onMaintenanceDatabase(url: string, run: (sql: postgres.Sql, name: string) => Promise<void>): Promise<void> {
  const name = benchDatabaseName(url);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const sql = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  try {
    await run(sql, name);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Holds a PostgreSQL advisory lock for the whole run, so two benches on one server wait for each
 * other instead of dropping each other's database (and sharing the CPU). Resolves once it is held.
 */
export async function lockBench(url: string, onWait: () => void): Promise<() => Promise<void>> {
  const name = benchDatabaseName(url);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  // A session lock lives as long as its connection: one connection, never recycled.
  const sql = postgres(maintenance.toString(), { max: 1, idle_timeout: 0, max_lifetime: null, onnotice: () => {} });
  const key = `rollcall:bench:${name}`;
  const [row] = await sql<{ locked: boolean }[]>`select pg_try_advisory_lock(hashtext(${key})) as locked`;
  if (!row?.locked) {
    onWait();
    await sql`select pg_advisory_lock(hashtext(${key}))`;
  }
  return () => sql.end({ timeout: 5 });
}

/** Drops the bench database if a previous run left it, and creates it empty. */
export async function recreateBenchDatabase(url: string): Promise<void> {
  await onMaintenanceDatabase(url, async (sql, name) => {
    await sql`drop database if exists ${sql(name)} with (force)`;
    await sql`create database ${sql(name)}`;
  });
}

export async function dropBenchDatabase(url: string): Promise<void> {
  await onMaintenanceDatabase(url, async (sql, name) => {
    await sql`drop database if exists ${sql(name)} with (force)`;
  });
}

/** E.g. "PostgreSQL 15.20", for the report. */
export async function serverVersion(url: string): Promise<string> {
  let version = "";
  await onMaintenanceDatabase(url, async (sql) => {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    version = `PostgreSQL ${row?.server_version.split(" ")[0] ?? "?"}`;
  });
  return version;
}
