import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { recomputeMemberAccess, type RecomputeCounts } from "@/lib/mappings/recompute-member-access";
import { badRequest } from "../errors";
import { compileFilter } from "../filter/compile-filter";
import type { Filter } from "../filter/filter-ast";
import type { FilterTarget } from "../filter/filter-target";
import type { ScimContext } from "../http/scim-context";
import { isUuid } from "../is-uuid";
import type { MembershipChange } from "../patch/plan-membership-changes";
import { findAttribute } from "../schemas/attribute";
import { groupSchema } from "../schemas/group-schema";
import { groupMemberRows, uuidArray } from "./group-members";

export type MembershipCounts = { added: number; removed: number; access: RecomputeCounts | null };

/** Users and nested groups that joined or left the group. */
type Moved = { User: string[]; Group: string[] };

/**
 * Applies membership changes in order, each as a set-based statement over all its ids, so adding
 * 1,000 members costs a handful of queries, not a thousand; then recomputes the teams and role of
 * the users whose groups changed (those who moved, and those in nested groups that moved). The
 * caller holds the group's row lock.
 */
export async function applyMembershipChanges(tx: Db, context: ScimContext, groupId: string, changes: MembershipChange[]): Promise<MembershipCounts> {
  const added: Moved = { User: [], Group: [] };
  const removed: Moved = { User: [], Group: [] };
  for (const change of changes) {
    switch (change.kind) {
      case "add":
        await addMembers(tx, context, groupId, change.ids, added);
        break;
      case "replace":
        await removeMembers(tx, groupId, undefined, removed);
        await addMembers(tx, context, groupId, change.ids, added);
        break;
      case "remove":
        await removeMembers(tx, groupId, change.ids, removed);
        break;
      case "removeAll":
        await removeMembers(tx, groupId, undefined, removed);
        break;
      case "removeWhere":
        await removeMembers(tx, groupId, await matchingMemberIds(tx, groupId, change.filter), removed);
        break;
    }
  }
  const users = [...added.User, ...removed.User];
  const groups = [...added.Group, ...removed.Group];
  const access = users.length || groups.length ? await recomputeMemberAccess(tx, { directoryId: context.directory.id, memberIds: users, groupIds: groups }) : null;
  return { added: added.User.length + added.Group.length, removed: removed.User.length + removed.Group.length, access };
}

async function addMembers(tx: Db, context: ScimContext, groupId: string, ids: string[], added: Moved): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const valid = unique.filter(isUuid);
  // `for share` waits for a concurrent DELETE of the user or group and then sees it gone, so a
  // removed user never lands in a group (and a deleted group is a 400, not a foreign-key failure).
  const found = valid.length
    ? await queryRows<{ id: string; type: "User" | "Group" }>(
        tx,
        sql`select id, 'User' as type from (
              select id from members
               where id = any(${uuidArray(valid)}) and workspace_id = ${context.workspace.id}
                 and directory_id = ${context.directory.id} and directory_removed_at is null
                 for share) as u
            union all
            select id, 'Group' from (
              select id from directory_groups where id = any(${uuidArray(valid)}) and directory_id = ${context.directory.id} for share) as g`,
      )
    : [];
  const known = new Set(found.map((row) => row.id));
  const missing = unique.filter((id) => !known.has(id.toLowerCase()));
  if (missing.length) {
    const named = missing.slice(0, 5).map((id) => `"${id}"`).join(", ");
    const more = missing.length > 5 ? ` and ${missing.length - 5} more` : "";
    throw badRequest("invalidValue", `No user or group with id ${named}${more} in this directory; provision them before adding them to a group.`);
  }
  const users = found.filter((row) => row.type === "User").map((row) => row.id);
  const groups = found.filter((row) => row.type === "Group").map((row) => row.id);
  if (groups.includes(groupId)) throw badRequest("invalidValue", "A group cannot be a member of itself.");

  added.User = added.User.concat(await insertMembers(tx, groupId, "User", users));
  added.Group = added.Group.concat(await insertMembers(tx, groupId, "Group", groups));
}

/** Where each kind of member lives: users in one join table, nested groups in another. */
const memberTables = {
  User: { table: sql.raw("directory_group_members"), column: sql.raw("member_id") },
  Group: { table: sql.raw("directory_group_children"), column: sql.raw("child_group_id") },
} as const;

/** The member ids a statement on a member table inserted or deleted (`column` returned). */
async function idsOf(tx: Db, statement: SQL, column: SQL): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, sql`with changed as (${statement} returning ${column} as id) select id from changed`);
  return rows.map((row) => row.id);
}

async function insertMembers(tx: Db, groupId: string, type: keyof typeof memberTables, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { table, column } = memberTables[type];
  return idsOf(tx, sql`insert into ${table} (group_id, ${column}) select ${groupId}, unnest(${uuidArray(ids)}) on conflict do nothing`, column);
}

/** Removes the listed members (ids that are not members are ignored), or all of them. */
async function removeMembers(tx: Db, groupId: string, ids: string[] | undefined, removed: Moved): Promise<void> {
  const valid = ids?.filter(isUuid);
  if (valid && valid.length === 0) return;
  for (const [type, { table, column }] of Object.entries(memberTables) as Array<[keyof Moved, (typeof memberTables)[keyof Moved]]>) {
    const listed = valid ? sql` and ${column} = any(${uuidArray(valid)})` : sql``;
    removed[type] = removed[type].concat(await idsOf(tx, sql`delete from ${table} where group_id = ${groupId}${listed}`, column));
  }
}

const memberSubAttributes = findAttribute(groupSchema.attributes, "members")!.subAttributes!;

/** The members of one group as filterable elements, for `remove members[type eq "Group"]` and the like. */
const memberElementTarget: FilterTarget = {
  attributes: { core: memberSubAttributes, extensions: {} },
  columns: {
    value: { kind: "uuid", caseExact: true, sql: sql`el.value` },
    display: { kind: "string", caseExact: false, sql: sql`el.display` },
    type: { kind: "string", caseExact: true, sql: sql`el.type` },
  },
  multiValued: {},
};

async function matchingMemberIds(tx: Db, groupId: string, filter: Filter): Promise<string[]> {
  const rows = await queryRows<{ value: string }>(
    tx,
    sql`select el.value from (${groupMemberRows(uuidArray([groupId]))}) as el where ${compileFilter(filter, memberElementTarget)}`,
  );
  return rows.map((row) => row.value);
}
