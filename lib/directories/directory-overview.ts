import { and, asc, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, directoryGroups, members, type DirectoryConnection, type IdpType } from "@/db/schema";

export type DirectoryOverviewItem = {
  id: string;
  name: string;
  idpType: IdpType;
  state: DirectoryConnection["state"];
  createdAt: string;
  lastRequestAt: string | null;
  lastRequestStatus: number | null;
  lastRequestUserAgent: string | null;
  /** Members this directory provisioned and has not removed (active and suspended). */
  userCount: number;
  /** Of those, the ones the directory deactivated. */
  suspendedUserCount: number;
  groupCount: number;
};

/**
 * A workspace's directory connections with how many users and groups each one provisioned, oldest
 * first. One query: the counts come from grouped subqueries joined to the connections.
 */
export async function directoryOverview(db: Db, workspaceId: string): Promise<DirectoryOverviewItem[]> {
  const userCounts = db
    .select({
      directoryId: members.directoryId,
      users: count().as("users"),
      suspended: sql<number>`count(*) filter (where ${members.status} = 'suspended')`.as("suspended"),
    })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), isNotNull(members.directoryId), isNull(members.directoryRemovedAt)))
    .groupBy(members.directoryId)
    .as("user_counts");

  const groupCounts = db
    .select({ directoryId: directoryGroups.directoryId, groups: count().as("groups") })
    .from(directoryGroups)
    .innerJoin(directoryConnections, eq(directoryConnections.id, directoryGroups.directoryId))
    .where(eq(directoryConnections.workspaceId, workspaceId))
    .groupBy(directoryGroups.directoryId)
    .as("group_counts");

  const rows = await db
    .select({
      id: directoryConnections.id,
      name: directoryConnections.name,
      idpType: directoryConnections.idpType,
      state: directoryConnections.state,
      createdAt: directoryConnections.createdAt,
      lastRequestAt: directoryConnections.lastRequestAt,
      lastRequestStatus: directoryConnections.lastRequestStatus,
      lastRequestUserAgent: directoryConnections.lastRequestUserAgent,
      userCount: sql<number>`coalesce(${userCounts.users}, 0)`.mapWith(Number),
      suspendedUserCount: sql<number>`coalesce(${userCounts.suspended}, 0)`.mapWith(Number),
      groupCount: sql<number>`coalesce(${groupCounts.groups}, 0)`.mapWith(Number),
    })
    .from(directoryConnections)
    .leftJoin(userCounts, eq(userCounts.directoryId, directoryConnections.id))
    .leftJoin(groupCounts, eq(groupCounts.directoryId, directoryConnections.id))
    .where(eq(directoryConnections.workspaceId, workspaceId))
    .orderBy(asc(directoryConnections.createdAt), asc(directoryConnections.id));

  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    lastRequestAt: r.lastRequestAt === null ? null : new Date(r.lastRequestAt).toISOString(),
  }));
}
