import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { members, sessions } from "@/db/schema";
import { ownerEmail, seedAcme, type SeededAcme } from "@/test/acme";
import { resetDatabase, setUpTestDatabase } from "@/test/database";
import { signInWithPassword } from "./sign-in-with-password";

describe("signInWithPassword", () => {
  const database = setUpTestDatabase();
  let acme: SeededAcme;
  beforeEach(async () => {
    await resetDatabase(database().db);
    acme = await seedAcme(database().db);
  });

  async function sessionRows() {
    return database().db.select().from(sessions);
  }

  it("signs the seeded owner in with the printed password and stores a session", async () => {
    const result = await signInWithPassword(database().db, ownerEmail, acme.ownerPassword);

    if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
    expect(await sessionRows()).toEqual([{ sessionToken: result.sessionToken, userId: acme.ownerUserId, expires: result.expires }]);
    expect(result.expires.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  });

  it.each(["OWNER@ACME.TEST", "Owner@Acme.Test", `  ${ownerEmail} `])("matches the email %j regardless of case", async (email) => {
    expect(await signInWithPassword(database().db, email, acme.ownerPassword)).toMatchObject({ ok: true });
  });

  it.each([
    ["a wrong password", ownerEmail, () => "not-the-password"],
    ["an unknown email", "nobody@acme.test", () => acme.ownerPassword],
  ])("refuses %s as invalid and creates no session", async (_case, email, password) => {
    expect(await signInWithPassword(database().db, email, password())).toEqual({ ok: false, reason: "invalid" });
    expect(await sessionRows()).toEqual([]);
  });

  it("refuses a suspended member as suspended and creates no session", async () => {
    await database().db.update(members).set({ status: "suspended" }).where(eq(members.id, acme.ownerMemberId));

    expect(await signInWithPassword(database().db, ownerEmail, acme.ownerPassword)).toEqual({ ok: false, reason: "suspended" });
    expect(await sessionRows()).toEqual([]);
  });
});
