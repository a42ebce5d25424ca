import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, sessions, workspaces, type MemberRole } from "@/db/schema";
import { sessionMaxAgeSeconds } from "./session-cookie";

export type ConsoleAccess = {
  userId: string;
  member: { id: string; role: MemberRole; displayName: string | null; email: string | null };
  workspace: { id: string; slug: string; name: string; seatLimit: number };
};

export const adminRoles: readonly MemberRole[] = ["owner", "admin"];

export function isAdmin(access: ConsoleAccess): boolean {
  return adminRoles.includes(access.member.role);
}

/**
 * What a signed-in identity may reach: its most privileged *active* membership. A suspended
 * member has none, so every request after suspension is refused even if a session cookie remains.
 */
export async function findConsoleAccess(db: Db, userId: string): Promise<ConsoleAccess | null> {
  const [row] = await db
    .select({
      member: { id: members.id, role: members.role, displayName: members.displayName, email: members.email },
      workspace: { id: workspaces.id, slug: workspaces.slug, name: workspaces.name, seatLimit: workspaces.seatLimit },
    })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(and(eq(members.userId, userId), eq(members.status, "active")))
    // member_role is declared owner, admin, member, viewer: ascending = most privileged first.
    .orderBy(asc(members.role), asc(members.createdAt))
    .limit(1);
  return row ? { userId, ...row } : null;
}

/** Whether anyone with this email may sign in at all: an active member of some workspace. */
export async function hasActiveMembership(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(sql`lower(${members.email})`, email.toLowerCase()), eq(members.status, "active")))
    .limit(1);
  return Boolean(row);
}

/** Ties members with this email, not yet tied to an identity, to the identity that just signed in. */
export async function linkMembersToUser(db: Db, user: { id: string; email: string }): Promise<void> {
  await db
    .update(members)
    .set({ userId: user.id })
    .where(and(eq(sql`lower(${members.email})`, user.email.toLowerCase()), isNull(members.userId)));
}

export async function createSession(db: Db, userId: string): Promise<{ sessionToken: string; expires: Date }> {
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + sessionMaxAgeSeconds * 1000);
  await db.insert(sessions).values({ sessionToken, userId, expires });
  return { sessionToken, expires };
}

/** "Sign out everywhere": every session of this identity ends on its next request. */
export async function revokeUserSessions(db: Db, userId: string): Promise<number> {
  const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ token: sessions.sessionToken });
  return deleted.length;
}
