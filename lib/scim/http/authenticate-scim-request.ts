import { createHash, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { DirectoryConnection, IdpType, MemberRole } from "@/db/schema";
import { ScimError } from "../errors";
import type { ScimContext } from "./scim-context";

type AuthRow = {
  tokenId: string;
  hash: string;
  valid: boolean;
  directoryId: string;
  workspaceId: string;
  idpType: IdpType;
  state: DirectoryConnection["state"];
  retentionDays: number;
  welcomeEmail: boolean;
  workspaceName: string;
  seatLimit: number;
  verifiedDomains: string[];
  defaultRole: MemberRole;
};

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
  // Hand-written: this runs on every request, and the query builder cost more than the query.
  const [row] = await queryRows<AuthRow>(
    db,
    sql`select t.id as "tokenId", t.hash,
               (t.revoked_at is null or t.revoked_at > now()) and (t.expires_at is null or t.expires_at > now()) as valid,
               d.id as "directoryId", d.workspace_id as "workspaceId", d.idp_type as "idpType", d.state,
               d.retention_days as "retentionDays", d.welcome_email as "welcomeEmail", w.name as "workspaceName",
               w.seat_limit as "seatLimit", w.verified_domains as "verifiedDomains", w.default_role as "defaultRole"
          from directory_tokens t
          join directory_connections d on d.id = t.directory_id
          join workspaces w on w.id = d.workspace_id
         where t.hash = ${hash}`,
  );
  const sameHash = row !== undefined && timingSafeEqual(Buffer.from(row.hash, "hex"), Buffer.from(hash, "hex"));
  if (!row || !sameHash || row.directoryId !== directoryId) {
    throw unauthorized("The token is not valid for this directory. Copy the token again from Rollcall's Directory Sync page.");
  }
  if (!row.valid) throw unauthorized("The token has expired or was revoked. Generate a new token in Rollcall's Directory Sync page.");
  if (row.state === "disabled") {
    throw new ScimError(403, "Directory sync is disabled for this connection in Rollcall. A workspace admin can enable it again on the Directory Sync page.");
  }
  return {
    directory: {
      id: row.directoryId,
      workspaceId: row.workspaceId,
      idpType: row.idpType,
      state: row.state,
      retentionDays: row.retentionDays,
      welcomeEmail: row.welcomeEmail,
    },
    workspace: { id: row.workspaceId, name: row.workspaceName, seatLimit: row.seatLimit, verifiedDomains: row.verifiedDomains, defaultRole: row.defaultRole },
    tokenId: row.tokenId,
    baseUrl,
  };
}
