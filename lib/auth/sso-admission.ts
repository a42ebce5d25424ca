import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { directoryConnections, members, workspaces } from "@/db/schema";

/**
 * Why an SSO sign-in was refused. `no_membership` is the refusal that predates directories
 * (Auth.js shows it as AccessDenied); the other two apply only while a directory is active.
 */
export type SsoRefusal = "no_membership" | "suspended" | "not_provisioned";

export type SsoAdmission = { admitted: true } | { admitted: false; reason: SsoRefusal };

/** The `/login?error=` codes of the refusals that only SSO gives; the login page words them. */
export const ssoRefusalCodes = { suspended: "SsoSuspended", not_provisioned: "SsoNotProvisioned" } as const;

const memberDirectory = alias(directoryConnections, "member_directory");

/**
 * Whether a person with this (IdP-verified) email may sign in through SSO. Without an active
 * directory in any of their workspaces, any active membership will do. Once one of those
 * workspaces has an active directory, that directory decides who exists: only an active member
 * that an active directory provisioned (and has not removed) is admitted, even if another
 * workspace has them as a member by hand: console access goes to the most privileged active
 * membership, so a looser rule would let a hand-added membership bypass the directory.
 * Admission never creates a member.
 */
export async function admitSsoSignIn(db: Db, email: string): Promise<SsoAdmission> {
  const memberships = await db
    .select({
      status: members.status,
      provisioned: sql<boolean>`coalesce(${members.source} = 'scim' and ${members.directoryRemovedAt} is null and ${memberDirectory.state} = 'active', false)`,
      directoryLinked: sql<boolean>`${members.source} = 'scim' and ${members.directoryId} is not null`,
      workspaceHasActiveDirectory: sql<boolean>`exists (
        select 1 from ${directoryConnections}
        where ${directoryConnections.workspaceId} = ${members.workspaceId} and ${directoryConnections.state} = 'active'
      )`,
    })
    .from(members)
    .leftJoin(memberDirectory, eq(memberDirectory.id, members.directoryId))
    .where(eq(sql`lower(${members.email})`, email.toLowerCase()));

  if (memberships.length === 0) {
    return { admitted: false, reason: (await domainHasActiveDirectory(db, email)) ? "not_provisioned" : "no_membership" };
  }
  if (!memberships.some((m) => m.workspaceHasActiveDirectory)) {
    return memberships.some((m) => m.status === "active") ? { admitted: true } : { admitted: false, reason: "no_membership" };
  }
  if (memberships.some((m) => m.status === "active" && m.provisioned)) return { admitted: true };
  if (memberships.some((m) => m.status === "suspended" && m.directoryLinked)) return { admitted: false, reason: "suspended" };
  return { admitted: false, reason: "not_provisioned" };
}

/** Someone unknown whose email domain a workspace with an active directory has verified: that directory should provision them. */
async function domainHasActiveDirectory(db: Db, email: string): Promise<boolean> {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  const [row] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .innerJoin(directoryConnections, and(eq(directoryConnections.workspaceId, workspaces.id), eq(directoryConnections.state, "active")))
    .where(sql`${domain} = any(${workspaces.verifiedDomains})`)
    .limit(1);
  return Boolean(row);
}
