import { beforeAll, describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password";

const password = "correct horse battery staple";

/** Replaces the `index`-th `$`-separated part of a stored hash. */
function withPart(stored: string, index: number, replace: (part: string) => string): string {
  return stored
    .split("$")
    .map((part, i) => (i === index ? replace(part) : part))
    .join("$");
}

/** Changes the first character, staying inside the base64url alphabet. */
const flipFirst = (part: string) => (part.startsWith("A") ? "B" : "A") + part.slice(1);

describe("hashPassword / verifyPassword", () => {
  it("verifies the password that was hashed", async () => {
    expect(await verifyPassword(password, await hashPassword(password))).toBe(true);
  });

  it("rejects a wrong password", async () => {
    const stored = await hashPassword(password);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts: two hashes of one password differ and both verify", async () => {
    const [a, b] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(password, a)).toBe(true);
    expect(await verifyPassword(password, b)).toBe(true);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const stored = await hashPassword("caf\u00e9-password");
    expect(await verifyPassword("cafe\u0301-password", stored)).toBe(true);
  });

  // Stored form: scrypt$N$r$p$salt$hash
  const tamperings: [string, (stored: string) => string][] = [
    ["hash changed", (s) => withPart(s, 5, flipFirst)],
    ["hash truncated", (s) => withPart(s, 5, (h) => h.slice(0, -4))],
    ["hash missing", (s) => s.split("$").slice(0, 5).join("$")],
    ["salt changed", (s) => withPart(s, 4, flipFirst)],
    ["cost lowered", (s) => withPart(s, 1, () => String(2 ** 14))],
    ["cost not a power of two", (s) => withPart(s, 1, () => "3")],
    ["cost not a number", (s) => withPart(s, 1, () => "lots")],
    ["unknown scheme", (s) => withPart(s, 0, () => "bcrypt")],
    ["empty", () => ""],
  ];

  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(password);
  });

  it.each(tamperings)("rejects a stored hash with its %s", async (_name, tamper) => {
    expect(await verifyPassword(password, tamper(stored))).toBe(false);
  });
});

describe("generatePassword", () => {
  it("makes 4 groups of 5 unambiguous characters", () => {
    for (let i = 0; i < 50; i++) {
      expect(generatePassword()).toMatch(/^[a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){3}$/);
    }
  });

  it("makes a different password every time", () => {
    const passwords = new Set(Array.from({ length: 100 }, generatePassword));
    expect(passwords.size).toBe(100);
  });
});
