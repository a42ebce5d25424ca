import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, directoryTokens, workspaces, type DirectoryConnection, type IdpType } from "@/db/schema";

/** `grace`: still valid, until `revokedAt` (a rotation's grace period). */
export type DirectoryTokenStatus = "active" | "grace" | "revoked" | "expired";

export type DirectoryTokenItem = {
  id: string;
  prefix: string;
  status: DirectoryTokenStatus;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

export type DirectoryListItem = {
  id: string;
  workspaceId: string;
  workspaceSlug: string;
  name: string;
  idpType: IdpType;
  state: DirectoryConnection["state"];
  createdAt: string;
  lastRequestAt: string | null;
  lastRequestStatus: number | null;
  lastRequestUserAgent: string | null;
  /** Newest first, including revoked and expired ones. */
  tokens: DirectoryTokenItem[];
};

// Decided by the database clock, as token validity is everywhere else.
const tokenStatus = sql<DirectoryTokenStatus>`case
  when ${directoryTokens.revokedAt} <= now() then 'revoked'
  when ${directoryTokens.expiresAt} <= now() then 'expired'
  when ${directoryTokens.revokedAt} is not null then 'grace'
  else 'active' end`;

/** Directory connections (all, one workspace's, or one) with their tokens, by workspace then age. */
export async function listDirectories(db: Db, filter: { workspaceId?: string; directoryId?: string } = {}): Promise<DirectoryListItem[]> {
  const directories = await db
    .select({
      id: directoryConnections.id,
      workspaceId: directoryConnections.workspaceId,
      workspaceSlug: workspaces.slug,
      name: directoryConnections.name,
      idpType: directoryConnections.idpType,
      state: directoryConnections.state,
      createdAt: directoryConnections.createdAt,
      lastRequestAt: directoryConnections.lastRequestAt,
      lastRequestStatus: directoryConnections.lastRequestStatus,
      lastRequestUserAgent: directoryConnections.lastRequestUserAgent,
    })
    .from(directoryConnections)
    .innerJoin(workspaces, eq(workspaces.id, directoryConnections.workspaceId))
    .where(
      and(
        filter.workspaceId === undefined ? undefined : eq(directoryConnections.workspaceId, filter.workspaceId),
        filter.directoryId === undefined ? undefined : eq(directoryConnections.id, filter.directoryId),
      ),
    )
    .orderBy(asc(workspaces.slug), asc(directoryConnections.createdAt), asc(directoryConnections.id));
  if (directories.length === 0) return [];

  const tokens = await db
    .select({
      id: directoryTokens.id,
      directoryId: directoryTokens.directoryId,
      prefix: directoryTokens.prefix,
      status: tokenStatus,
      createdAt: directoryTokens.createdAt,
      expiresAt: directoryTokens.expiresAt,
      revokedAt: directoryTokens.revokedAt,
      lastUsedAt: directoryTokens.lastUsedAt,
    })
    .from(directoryTokens)
    .where(inArray(directoryTokens.directoryId, directories.map((d) => d.id)))
    .orderBy(desc(directoryTokens.createdAt), desc(directoryTokens.id));

  return directories.map((d) => ({
    ...d,
    createdAt: iso(d.createdAt),
    lastRequestAt: isoOrNull(d.lastRequestAt),
    tokens: tokens
      .filter((t) => t.directoryId === d.id)
      .map((t) => ({
        id: t.id,
        prefix: t.prefix,
        status: t.status,
        createdAt: iso(t.createdAt),
        expiresAt: isoOrNull(t.expiresAt),
        revokedAt: isoOrNull(t.revokedAt),
        lastUsedAt: isoOrNull(t.lastUsedAt),
      })),
  }));
}

function iso(value: Date): string {
  return new Date(value).toISOString();
}

function isoOrNull(value: Date | null): string | null {
  return value === null ? null : iso(value);
}
