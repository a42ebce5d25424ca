import { sql, type SQL } from "drizzle-orm";
import type { FilterColumn, FilterTarget } from "../filter/filter-target";
import { groupAttributes } from "../schemas/group-schema";
import { urns } from "../schemas/urns";

// Written qualified: drizzle leaves columns unqualified in a one-table select, and inside the
// correlated subquery below an unqualified name would bind to the subquery's own tables.
const group = (column: string): SQL => sql`${sql.identifier("directory_groups")}.${sql.identifier(column)}`;

const dateTime = (column: string): FilterColumn => ({ kind: "dateTime", caseExact: false, sql: group(column) });

/** How SCIM filters and sortBy on /Groups map onto the `directory_groups` table. */
export const groupFilterTarget: FilterTarget = {
  attributes: groupAttributes,
  coreSchema: urns.group,
  columns: {
    id: { kind: "uuid", caseExact: true, sql: group("id") },
    externalId: { kind: "string", caseExact: true, sql: group("external_id") },
    displayName: { kind: "string", caseExact: false, sql: group("display_name") },
    "meta.created": dateTime("created_at"),
    "meta.lastModified": dateTime("updated_at"),
  },
  multiValued: {
    // Users and nested groups as one list of elements. Postgres pushes a condition on el.value down
    // into both branches as a condition on the raw uuid column, so `members[value eq "…"]` is an
    // index lookup in each. The left join to members is dropped from plans that do not use display.
    members: {
      exists: (condition) => sql`exists (select 1 from (
        select gm.member_id as value, 'User' as type, coalesce(m.display_name, m.user_name) as display
          from directory_group_members as gm left join members as m on m.id = gm.member_id
          where gm.group_id = ${group("id")}
        union all
        select gc.child_group_id, 'Group', child.display_name
          from directory_group_children as gc left join directory_groups as child on child.id = gc.child_group_id
          where gc.group_id = ${group("id")}
      ) as el where ${condition})`,
      subAttributes: {
        value: { kind: "uuid", caseExact: true, sql: sql`el.value` },
        type: { kind: "string", caseExact: false, sql: sql`el.type` },
        display: { kind: "string", caseExact: false, sql: sql`el.display` },
      },
    },
  },
};
