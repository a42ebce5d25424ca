import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateDirectoryToken, hashDirectoryToken } from "./directory-token";

describe("generateDirectoryToken", () => {
  it("makes an rcs_ token of 32 random bytes, its 12-character prefix and its SHA-256", () => {
    const { token, prefix, hash } = generateDirectoryToken();
    expect(token).toMatch(/^rcs_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    expect(prefix).toBe(token.slice(0, 12));
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashDirectoryToken(token)).toBe(hash);
  });

  it("never repeats itself", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateDirectoryToken().token));
    expect(tokens.size).toBe(1000);
  });
});
