import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
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

export type MembershipCounts = { added: number; removed: number };

/**
 * Applies membership changes in order, each as a set-based statement over all its ids, so adding
 * 1,000 members costs a handful of queries, not a thousand. The caller holds the group's row lock.
 */
export async function applyMembershipChanges(tx: Db, context: ScimContext, groupId: string, changes: MembershipChange[]): Promise<MembershipCounts> {
  const counts = { added: 0, removed: 0 };
  for (const change of changes) {
    switch (change.kind) {
      case "add":
        counts.added += await addMembers(tx, context, groupId, change.ids);
        break;
      case "replace":
        counts.removed += await removeMembers(tx, groupId, undefined);
        counts.added += await addMembers(tx, context, groupId, change.ids);
        break;
      case "remove":
        counts.removed += await removeMembers(tx, groupId, change.ids);
        break;
      case "removeAll":
        counts.removed += await removeMembers(tx, groupId, undefined);
        break;
      case "removeWhere":
        counts.removed += await removeMembers(tx, groupId, await matchingMemberIds(tx, groupId, change.filter));
        break;
    }
  }
  return counts;
}

async function addMembers(tx: Db, context: ScimContext, groupId: string, ids: string[]): Promise<number> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return 0;
  const valid = unique.filter(isUuid);
  const found = valid.length
    ? await queryRows<{ id: string; type: "User" | "Group" }>(
        tx,
        sql`select id, 'User' as type from members
             where id = any(${uuidArray(valid)}) and workspace_id = ${context.workspace.id}
               and directory_id = ${context.directory.id} and directory_removed_at is null
            union all
            select id, 'Group' from directory_groups where id = any(${uuidArray(valid)}) and directory_id = ${context.directory.id}`,
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

  return (await insertMembers(tx, groupId, "User", users)) + (await insertMembers(tx, groupId, "Group", groups));
}

/** Where each kind of member lives: users in one join table, nested groups in another. */
const memberTables = {
  User: { table: sql.raw("directory_group_members"), column: sql.raw("member_id") },
  Group: { table: sql.raw("directory_group_children"), column: sql.raw("child_group_id") },
} as const;

async function countOf(tx: Db, statement: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, sql`with changed as (${statement} returning 1) select count(*)::int as n from changed`);
  return row?.n ?? 0;
}

async function insertMembers(tx: Db, groupId: string, type: keyof typeof memberTables, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { table, column } = memberTables[type];
  return countOf(tx, sql`insert into ${table} (group_id, ${column}) select ${groupId}, unnest(${uuidArray(ids)}) on conflict do nothing`);
}

/** Removes the listed members (ids that are not members are ignored), or all of them. */
async function removeMembers(tx: Db, groupId: string, ids: string[] | undefined): Promise<number> {
  const valid = ids?.filter(isUuid);
  if (valid && valid.length === 0) return 0;
  let removed = 0;
  for (const { table, column } of Object.values(memberTables)) {
    const listed = valid ? sql` and ${column} = any(${uuidArray(valid)})` : sql``;
    removed += await countOf(tx, sql`delete from ${table} where group_id = ${groupId}${listed}`);
  }
  return removed;
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
