import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { columnList } from "@/db/column-list";
import { insertFromJson } from "@/db/insert-from-json";
import { queryRows } from "@/db/rows";
import { members, type Member } from "@/db/schema";
import { queueWelcomeMail } from "@/lib/mail/queue-welcome-mail";
import { ScimError } from "../errors";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { coerceResource } from "../schemas/coerce-resource";
import { userAttributes } from "../schemas/user-schema";
import { prepareProfile, type ProfileValues } from "./prepare-profile";
import { profileColumns } from "./user-document";
import { userColumns } from "./user-resource";
import { userResponse } from "./write-user-response";

const insertMember = insertFromJson(members, [...profileColumns, "managerDisplayName", "workspaceId", "directoryId", "source", "status", "role"]);
// Only what the database fills in comes back: the rest is what was just written, and a new user is in no group.
const generatedColumns = ["id", "userId", "roleManagedByDirectory", "directoryRemovedAt", "purgeAfter", "version", "createdAt", "updatedAt"] as const;
type GeneratedColumn = (typeof generatedColumns)[number];
const generatedList = columnList(members, generatedColumns);

const conflict = (detail: string) => new ScimError(409, detail, "uniqueness");

/**
 * POST /Users. A new userName creates a member. A userName or email of a member no directory
 * manages (added by hand, or removed from a directory and not yet purged) links that member
 * instead of duplicating it, and reactivates it.
 */
export async function createUser(tx: Db, context: ScimContext, body: unknown): Promise<ScimResult> {
  const { document, ignored } = coerceResource(body, userAttributes);
  const { values, active } = await prepareProfile(tx, context, document);
  const status: Member["status"] = active === false ? "suspended" : "active";

  const inserted = { ...values, workspaceId: context.workspace.id, directoryId: context.directory.id, source: "scim" as const, status, role: context.workspace.defaultRole };
  const [generated] = await queryRows<Pick<Member, GeneratedColumn>>(tx, sql`${insertMember([inserted])} on conflict do nothing returning ${generatedList}`);
  if (generated) {
    const created = { ...inserted, ...generated, groups: [] };
    await queueWelcomeMail(tx, context, created);
    return {
      response: userResponse(created, context, 201),
      activity: { action: "member.provisioned", resourceType: "User", resourceId: created.id, memberId: created.id, summary: `Provisioned ${created.userName}`, changes: { ignored } },
    };
  }

  const existing = await linkableMember(tx, context, values);
  const relinked = existing.directoryId === context.directory.id;
  const [linked] = await tx
    .update(members)
    .set({ ...values, directoryId: context.directory.id, source: "scim", status, directoryRemovedAt: null, purgeAfter: null, version: sql`${members.version} + 1` })
    .where(eq(members.id, existing.id))
    .returning(userColumns(true));
  await queueWelcomeMail(tx, context, linked!);
  return {
    response: userResponse(linked!, context, 201),
    activity: {
      action: relinked ? "member.reactivated" : "member.linked",
      resourceType: "User",
      resourceId: existing.id,
      memberId: existing.id,
      summary: relinked ? `Re-provisioned ${values.userName} within the retention window` : `Linked the existing member ${values.userName}`,
      changes: { ignored },
    },
  };
}

/** The member whose userName or email the new user collides with, if the directory may take it over. */
async function linkableMember(tx: Db, context: ScimContext, values: ProfileValues): Promise<Member> {
  const sameEmail = values.email ? sql`lower(${members.email}) = lower(${values.email})` : sql`false`;
  const candidates = await tx
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, context.workspace.id), or(sql`lower(${members.userName}) = lower(${values.userName})`, sameEmail)))
    .for("update");
  if (candidates.length === 0) throw conflict("A member with this userName or email was created at the same time; retry.");
  if (candidates.length > 1) {
    throw conflict(`userName ${values.userName} and email ${values.email} belong to two different members of this workspace.`);
  }
  const candidate = candidates[0]!;
  const what = candidate.userName.toLowerCase() === values.userName.toLowerCase() ? `userName ${values.userName}` : `email ${values.email}`;
  if (candidate.directoryId === context.directory.id && !candidate.directoryRemovedAt) {
    throw conflict(`A user with ${what} already exists in this directory (id ${candidate.id}).`);
  }
  if (candidate.directoryId && !candidate.directoryRemovedAt) {
    throw conflict(`The member with ${what} is managed by another directory connection of this workspace.`);
  }
  return candidate;
}
