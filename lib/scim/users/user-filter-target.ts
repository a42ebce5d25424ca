import { sql, type SQL } from "drizzle-orm";
import type { FilterColumn, FilterElements, FilterTarget } from "../filter/filter-target";
import { urns } from "../schemas/urns";
import { userAttributes } from "../schemas/user-schema";

// Written qualified: drizzle leaves columns unqualified in a one-table select, and inside the
// correlated subqueries below an unqualified name would bind to the subquery's own tables.
const member = (column: string): SQL => sql`${sql.identifier("members")}.${sql.identifier(column)}`;

const text = (column: string, caseExact = false): FilterColumn => ({ kind: "string", caseExact, sql: member(column) });
const dateTime = (column: string): FilterColumn => ({ kind: "dateTime", caseExact: false, sql: member(column) });

/** A string field of the jsonb element `el`. */
const field = (name: string): FilterColumn => ({ kind: "string", caseExact: false, sql: sql`el->>${sql.raw(`'${name}'`)}` });
const primary: FilterColumn = { kind: "boolean", caseExact: false, sql: sql`(el->>'primary')::boolean` };

/** A jsonb array column whose elements are objects; `el` is the element inside `exists`. */
function jsonElements(column: string, fields: string[], sort?: SQL): FilterElements {
  return {
    exists: (condition) => sql`exists (select 1 from jsonb_array_elements(${member(column)}) as el where ${condition})`,
    subAttributes: { ...Object.fromEntries(fields.map((name) => [name, field(name)])), primary },
    ...(sort ? { sort } : {}),
  };
}

const enterprise = (name: string) => `${urns.enterpriseUser}:${name}`;

/** How SCIM filters and sortBy on /Users map onto the `members` table. */
export const userFilterTarget: FilterTarget = {
  attributes: userAttributes,
  coreSchema: urns.user,
  columns: {
    id: { kind: "uuid", caseExact: true, sql: member("id") },
    externalId: text("external_id", true),
    userName: text("user_name"),
    displayName: text("display_name"),
    nickName: text("nick_name"),
    profileUrl: text("profile_url"),
    title: text("title"),
    userType: text("user_type"),
    preferredLanguage: text("preferred_language"),
    locale: text("locale"),
    timezone: text("timezone"),
    "name.givenName": text("given_name"),
    "name.familyName": text("family_name"),
    "name.middleName": text("middle_name"),
    "name.honorificPrefix": text("honorific_prefix"),
    "name.honorificSuffix": text("honorific_suffix"),
    "name.formatted": text("formatted_name"),
    active: { kind: "boolean", caseExact: false, sql: sql`(${member("status")} = 'active')` },
    "meta.created": dateTime("created_at"),
    "meta.lastModified": dateTime("updated_at"),
    [enterprise("employeeNumber")]: text("employee_number"),
    [enterprise("costCenter")]: text("cost_center"),
    [enterprise("organization")]: text("organization"),
    [enterprise("division")]: text("division"),
    [enterprise("department")]: text("department"),
    [enterprise("manager.value")]: text("manager_id", true),
    [enterprise("manager.displayName")]: text("manager_display_name"),
  },
  multiValued: {
    emails: jsonElements("emails", ["value", "type", "display"], sql`lower(${member("email")})`),
    phoneNumbers: jsonElements("phone_numbers", ["value", "type", "display"]),
    addresses: jsonElements("addresses", ["formatted", "streetAddress", "locality", "region", "postalCode", "country", "type"]),
    groups: {
      exists: (condition) =>
        sql`exists (select 1 from directory_group_members as gm join directory_groups as g on g.id = gm.group_id where gm.member_id = ${member("id")} and ${condition})`,
      subAttributes: {
        value: { kind: "uuid", caseExact: true, sql: sql`gm.group_id` },
        display: { kind: "string", caseExact: false, sql: sql`g.display_name` },
        type: { kind: "string", caseExact: false, sql: sql`'direct'` },
      },
    },
  },
};
