import { createHash, timingSafeEqual } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, directoryTokens, workspaces } from "@/db/schema";
import { ScimError } from "../errors";
import type { ScimContext } from "./scim-context";

const unauthorized = (detail: string) => new ScimError(401, detail, undefined, { "www-authenticate": 'Bearer realm="SCIM"' });

/**
 * Resolves the bearer token to its directory. The token is looked up by its SHA-256 and the hash
 * compared in constant time; a token of another directory is treated exactly like a wrong one.
 */
export async function authenticateScimRequest(db: Db, request: Request, directoryId: string, baseUrl: string): Promise<ScimContext> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized("Send the directory's token as 'Authorization: Bearer <token>'.");

  const hash = createHash("sha256").update(match[1]!).digest("hex");
  const [row] = await db
    .select({
      tokenId: directoryTokens.id,
      hash: directoryTokens.hash,
      valid: sql<boolean>`(${directoryTokens.revokedAt} is null or ${directoryTokens.revokedAt} > now())
        and (${directoryTokens.expiresAt} is null or ${directoryTokens.expiresAt} > now())`,
      directory: {
        id: directoryConnections.id,
        workspaceId: directoryConnections.workspaceId,
        idpType: directoryConnections.idpType,
        state: directoryConnections.state,
        retentionDays: directoryConnections.retentionDays,
      },
      workspace: {
        id: workspaces.id,
        seatLimit: workspaces.seatLimit,
        verifiedDomains: workspaces.verifiedDomains,
        defaultRole: workspaces.defaultRole,
      },
    })
    .from(directoryTokens)
    .innerJoin(directoryConnections, eq(directoryConnections.id, directoryTokens.directoryId))
    .innerJoin(workspaces, eq(workspaces.id, directoryConnections.workspaceId))
    .where(and(eq(directoryTokens.hash, hash)));

  const sameHash = row !== undefined && timingSafeEqual(Buffer.from(row.hash, "hex"), Buffer.from(hash, "hex"));
  if (!row || !sameHash || row.directory.id !== directoryId) {
    throw unauthorized("The token is not valid for this directory. Copy the token again from Rollcall's Directory Sync page.");
  }
  if (!row.valid) throw unauthorized("The token has expired or was revoked. Generate a new token in Rollcall's Directory Sync page.");
  if (row.directory.state === "disabled") {
    throw new ScimError(403, "Directory sync is disabled for this connection in Rollcall. A workspace admin can enable it again on the Directory Sync page.");
  }
  return { directory: row.directory, workspace: row.workspace, tokenId: row.tokenId, baseUrl };
}
