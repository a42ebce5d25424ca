import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { columnList } from "@/db/column-list";
import { queryRows } from "@/db/rows";
import { members, type Member } from "@/db/schema";
import { etagOf } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import { urns } from "../schemas/urns";
import { memberToDocument } from "./user-document";

export type UserGroupRef = { value: string; display: string };
export type UserRow = Member & { groups?: UserGroupRef[] };

/** The directory groups a member is in, as one correlated subquery (only selected when `groups` is returned). */
const groupsOfMember = sql<UserGroupRef[]>`(
  select coalesce(json_agg(json_build_object('value', ug.id, 'display', ug.display_name) order by ug.display_name), '[]'::json)
  from directory_group_members ugm join directory_groups ug on ug.id = ugm.group_id
  where ugm.member_id = "members"."id")`;

export function userColumns(withGroups: boolean) {
  return withGroups ? { ...getTableColumns(members), groups: groupsOfMember } : getTableColumns(members);
}

/** Written once: on the read path drizzle's select builder spent more CPU assembling 40 columns than PostgreSQL spent answering. */
const memberSelectList = columnList(members);

/** Users of the directory as rows of `members`, for reads (`where` and `orderBy` as drizzle SQL). */
export async function selectUsers(db: Db, options: { where: SQL; orderBy: SQL[]; limit: number; offset?: number; withGroups: boolean }): Promise<UserRow[]> {
  const groups = options.withGroups ? sql`, ${groupsOfMember} as "groups"` : sql``;
  const orderBy = sql.join(options.orderBy, sql`, `);
  const page = sql`limit ${options.limit} offset ${options.offset ?? 0}`;
  // Deep pages skip their offset on ids alone (an index-only scan), then read just the page's rows.
  const where = options.offset
    ? sql`"members"."id" in (select "members"."id" from "members" where ${options.where} order by ${orderBy} ${page})`
    : options.where;
  return queryRows<UserRow>(
    db,
    sql`select ${memberSelectList}${groups} from "members" where ${where} order by ${orderBy} ${options.offset ? sql`` : page}`,
  );
}

/** A member as a SCIM User (RFC 7643 §4.1); the password is never part of it. */
export function userResource(row: UserRow, context: Pick<ScimContext, "baseUrl">): Record<string, unknown> {
  const document = memberToDocument(row);
  const extension = document[urns.enterpriseUser] as Record<string, unknown> | undefined;
  if (extension && row.managerId) {
    extension.manager = {
      value: row.managerId,
      $ref: `${context.baseUrl}/Users/${row.managerId}`,
      ...(row.managerDisplayName ? { displayName: row.managerDisplayName } : {}),
    };
  }
  return {
    schemas: extension ? [urns.user, urns.enterpriseUser] : [urns.user],
    id: row.id,
    ...document,
    ...(row.groups
      ? { groups: row.groups.map((g) => ({ value: g.value, display: g.display, $ref: `${context.baseUrl}/Groups/${g.value}`, type: "direct" })) }
      : {}),
    meta: {
      resourceType: "User",
      created: new Date(row.createdAt).toISOString(),
      lastModified: new Date(row.updatedAt).toISOString(),
      location: `${context.baseUrl}/Users/${row.id}`,
      version: etagOf(row.version),
    },
  };
}
