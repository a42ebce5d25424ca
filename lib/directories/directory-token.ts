import { createHash, randomBytes } from "node:crypto";

export type GeneratedDirectoryToken = {
  /** The secret itself: hand it to the IdP once, never store or log it. */
  token: string;
  /** Shown in the console and CLI to tell tokens apart. */
  prefix: string;
  /** What `directory_tokens.hash` stores. */
  hash: string;
};

const tokenPrefix = "rcs_";
const visiblePrefixLength = 12;

/** A fresh bearer token for a directory: `rcs_` + 256 random bits, base64url. */
export function generateDirectoryToken(): GeneratedDirectoryToken {
  const token = tokenPrefix + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, visiblePrefixLength), hash: hashDirectoryToken(token) };
}

/**
 * SHA-256 hex of a token. A plain (unsalted) hash suffices: the token is 256 random bits, and a
 * deterministic hash lets a SCIM request find its token by an indexed lookup.
 */
export function hashDirectoryToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
