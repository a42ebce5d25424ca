import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { members, users, workspaces } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { resetDatabase, testDatabaseKind, setUpTestDatabase } from "@/test/database";
import { seedDemoWorkspace } from "./seed-demo-workspace";

const ownerEmail = "owner@acme.test";

async function ownerPasswordHash(db: Db): Promise<string> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, ownerEmail));
  if (!user?.passwordHash) throw new Error("the owner has no password");
  return user.passwordHash;
}

async function countRows(db: Db, table: typeof workspaces | typeof members | typeof users): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

describe("seedDemoWorkspace", () => {
  const database = setUpTestDatabase();
  beforeEach(() => resetDatabase(database().db));

  it("creates Acme with its owner on first start and returns a password that signs in", async () => {
    const { db } = database();

    const result = await seedDemoWorkspace(db, { ownerEmail: "Owner@Acme.TEST" });

    expect(result).toMatchObject({ created: true, ownerEmail });
    expect(await db.select().from(workspaces)).toEqual([
      expect.objectContaining({ slug: "acme", name: "Acme", verifiedDomains: ["acme.test"], seatLimit: 50 }),
    ]);
    const owners = await db
      .select({ email: members.email, userEmail: users.email })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.role, "owner"));
    expect(owners).toEqual([{ email: ownerEmail, userEmail: ownerEmail }]);
    expect(result.generatedPassword).toBeDefined();
    expect(await verifyPassword(result.generatedPassword ?? "", await ownerPasswordHash(db))).toBe(true);
  });

  it("changes nothing on a later start and prints no new password", async () => {
    const { db } = database();
    await seedDemoWorkspace(db, { ownerEmail });
    const membersBefore = await countRows(db, members);
    const hashBefore = await ownerPasswordHash(db);

    const again = await seedDemoWorkspace(db, { ownerEmail });

    expect(again).toEqual({ created: false, ownerEmail });
    expect(await countRows(db, workspaces)).toBe(1);
    expect(await countRows(db, members)).toBe(membersBefore);
    expect(await ownerPasswordHash(db)).toBe(hashBefore);
  });

  it("uses an operator-supplied password on first start instead of generating one", async () => {
    const { db } = database();

    const result = await seedDemoWorkspace(db, { ownerEmail, ownerPassword: "chosen-by-operator" });

    expect(result.created).toBe(true);
    expect(result.generatedPassword).toBeUndefined();
    expect(await verifyPassword("chosen-by-operator", await ownerPasswordHash(db))).toBe(true);
  });

  it("applies an operator-supplied password on a later start: the new one works, the old one not", async () => {
    const { db } = database();
    const first = await seedDemoWorkspace(db, { ownerEmail });

    const later = await seedDemoWorkspace(db, { ownerEmail, ownerPassword: "chosen-by-operator" });

    expect(later).toEqual({ created: false, ownerEmail });
    const hash = await ownerPasswordHash(db);
    expect(await verifyPassword("chosen-by-operator", hash)).toBe(true);
    expect(await verifyPassword(first.generatedPassword ?? "", hash)).toBe(false);
  });

  // On PGlite transactions are serialised, so only a server can race two first starts.
  it.runIf(testDatabaseKind === "postgres")("creates exactly one workspace when two instances start at once", async () => {
    const { db } = database();

    const results = await Promise.all([seedDemoWorkspace(db, { ownerEmail }), seedDemoWorkspace(db, { ownerEmail })]);

    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await countRows(db, workspaces)).toBe(1);
    expect(await countRows(db, users)).toBe(1);
    const [owners] = await db.select({ n: count() }).from(members).where(eq(members.role, "owner"));
    expect(owners?.n).toBe(1);
    const printed = results.find((r) => r.created)?.generatedPassword ?? "";
    expect(await verifyPassword(printed, await ownerPasswordHash(db))).toBe(true);
  });
});
