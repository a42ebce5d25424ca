import { and, eq, like, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, workspaces } from "@/db/schema";
import { createDirectory } from "@/lib/directories/create-directory";

export type BenchDirectory = { workspaceId: string; directoryId: string; token: string };

/** userName (and email) of stored user n, 1-based; the filter phase looks these up. */
export const storedUserName = (n: number) => `bench.user.${n}@bench.test`;

/** A workspace of its own (no verified domains, room for any number of seats) with a SCIM directory. */
export async function createBenchDirectory(db: Db): Promise<BenchDirectory> {
  const [workspace] = await db
    .insert(workspaces)
    .values({ slug: "bench", name: "Bench", seatLimit: 10_000_000 })
    .returning({ id: workspaces.id });
  if (!workspace) throw new Error("Inserting the bench workspace returned no row");
  const { directory, token } = await createDirectory(db, { workspaceId: workspace.id, idpType: "generic", name: "Bench IdP" });
  return { workspaceId: workspace.id, directoryId: directory.id, token };
}

/**
 * Stores `count` SCIM users of the directory in one statement. The per-row seat trigger updates
 * the same workspace row for every member, which is quadratic within one transaction (10,000
 * rows take 4 s, 100,000 would take minutes), so it is off for this insert and the counter is
 * set from the table afterwards, in the same transaction.
 */
export async function storeUsers(db: Db, directory: BenchDirectory, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table members disable trigger members_seats`);
    await tx.execute(sql`
      insert into members (workspace_id, directory_id, user_name, email, display_name, given_name, family_name, emails, status, source, role)
      select ${directory.workspaceId}, ${directory.directoryId}, u.name, u.name, 'Bench User ' || n, 'Bench', 'User ' || n,
             jsonb_build_array(jsonb_build_object('value', u.name, 'type', 'work', 'primary', true)), 'active', 'scim', 'member'
      from generate_series(1, ${count}::int) as n, lateral (select 'bench.user.' || n || '@bench.test' as name) as u`);
    await tx.execute(sql`alter table members enable trigger members_seats`);
    await tx.execute(sql`
      update workspaces set seats_used = (select count(*) from members where workspace_id = ${directory.workspaceId} and status = 'active')
      where id = ${directory.workspaceId}`);
  });
  // What autovacuum does on a live server shortly after a bulk load: statistics, and the visibility
  // map that lets counting and deep paging read the scope index alone.
  await db.execute(sql`vacuum analyze members`);
}

/** Ids of `count` distinct stored users (for the group phase). */
export async function storedUserIds(db: Db, directory: BenchDirectory, count: number): Promise<string[]> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.directoryId, directory.directoryId), like(members.userName, "bench.user.%")))
    .limit(count);
  if (rows.length < count) throw new Error(`Expected ${count} stored users, found ${rows.length}`);
  return rows.map((row) => row.id);
}

/** The server seeds the demo workspace as its last start-up step: once it exists, migrations are done too. */
export async function waitForServerSetup(db: Db, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(eq(workspaces.slug, "acme"))
      .then((rows) => rows.length > 0)
      .catch(() => false); // before migrations, the table does not exist yet
    if (ready) return;
    if (Date.now() > deadline) throw new Error("The server did not migrate and seed the database in time");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
