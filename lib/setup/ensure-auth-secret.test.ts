import { beforeEach, describe, expect, it } from "vitest";
import { appSettings } from "@/db/schema";
import { resetDatabase, testDatabaseKind, setUpTestDatabase } from "@/test/database";
import { ensureAuthSecret } from "./ensure-auth-secret";

describe("ensureAuthSecret", () => {
  const database = setUpTestDatabase();
  beforeEach(() => resetDatabase(database().db));

  it("returns the operator's AUTH_SECRET when one is configured", async () => {
    expect(await ensureAuthSecret(database().db, "configured-secret")).toBe("configured-secret");
  });

  it("generates a secret on first start and returns the same one on every later start", async () => {
    const { db } = database();

    const first = await ensureAuthSecret(db, undefined);

    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(await ensureAuthSecret(db, undefined)).toBe(first);
    expect(await ensureAuthSecret(db, undefined)).toBe(first);
    expect(await db.select({ value: appSettings.value }).from(appSettings)).toEqual([{ value: first }]);
  });

  // Instances signing sessions with different secrets would reject each other's cookies.
  it.runIf(testDatabaseKind === "postgres")("gives every instance the same secret when they start at once", async () => {
    const { db } = database();

    const secrets = await Promise.all(Array.from({ length: 8 }, () => ensureAuthSecret(db, undefined)));

    expect(new Set(secrets).size).toBe(1);
    expect(await db.select({ value: appSettings.value }).from(appSettings)).toEqual([{ value: secrets[0] }]);
  });
});
