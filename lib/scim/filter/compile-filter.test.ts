import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/rows";
import {
  directoryConnections,
  directoryGroupChildren,
  directoryGroupMembers,
  directoryGroups,
  members,
  workspaces,
  type NewMember,
} from "@/db/schema";
import { ScimError } from "@/lib/scim/errors";
import { groupFilterTarget } from "@/lib/scim/groups/group-filter-target";
import { urns } from "@/lib/scim/schemas/urns";
import { userFilterTarget } from "@/lib/scim/users/user-filter-target";
import { setUpTestDatabase, testDatabaseKind } from "@/test/database";
import { compileFilter, compileSortBy } from "./compile-filter";
import { parseFilter } from "./parse-filter";

const database = setUpTestDatabase();

let workspaceId: string;
let directoryId: string;
/** Member ids by short name, group ids by display name. */
const ids: Record<string, string> = {};

const people: Record<string, Omit<NewMember, "workspaceId">> = {
  barbara: {
    userName: "bjensen@acme.test",
    externalId: "ext-1",
    displayName: "Barbara Jensen",
    givenName: "Barbara",
    familyName: "Jensen",
    title: "Engineer",
    emails: [
      { value: "bjensen@acme.test", type: "work", primary: true },
      { value: "babs@home.test", type: "home" },
    ],
    email: "bjensen@acme.test",
    employeeNumber: "1001",
    department: "R&D",
    createdAt: new Date("2024-01-10T09:00:00Z"),
  },
  john: {
    userName: "jsmith@acme.test",
    displayName: "John Smith",
    familyName: "Smith",
    title: "Manager",
    // His work address is not at acme; his home one is: `emails[type eq "work" and value co "@acme"]` must not match.
    emails: [
      { value: "jsmith@globex.test", type: "work" },
      { value: "john@acme.test", type: "home", primary: true },
    ],
    email: "john@acme.test",
    status: "suspended",
    department: "Sales",
    createdAt: new Date("2024-03-01T00:00:00Z"),
  },
  underscore: {
    userName: "a_b%c@acme.test",
    displayName: "Under Score",
    title: "Engineer",
    emails: [{ value: "a_b%c@acme.test", type: "work" }],
    email: "a_b%c@acme.test",
    createdAt: new Date("2024-06-01T00:00:00Z"),
  },
  lookalike: {
    userName: "axbyc@acme.test",
    displayName: "Look Alike",
    title: "Manager",
    createdAt: new Date("2024-06-02T00:00:00Z"),
  },
  carol: {
    userName: "Carol.White@ACME.test",
    externalId: "EXT-5",
    displayName: "Back\\slash Carol",
    emails: [{ value: "carol@acme.test", type: "work", primary: true }],
    email: "carol@acme.test",
    phoneNumbers: [{ value: "+49 30 1234", type: "mobile" }],
    addresses: [{ locality: "Berlin", country: "DE", type: "work", primary: true }],
    department: "Sales",
    costCenter: "CC-7",
    createdAt: new Date("2024-07-15T12:30:00Z"),
  },
  dave: {
    userName: "dave@acme.test",
    title: "",
    createdAt: new Date("2025-01-01T00:00:00Z"),
  },
};

beforeAll(async () => {
  const db = database().db;
  const [workspace] = await db.insert(workspaces).values({ slug: "acme", name: "Acme", seatLimit: 100 }).returning();
  workspaceId = workspace!.id;
  const [directory] = await db.insert(directoryConnections).values({ workspaceId, name: "Okta", idpType: "okta" }).returning();
  directoryId = directory!.id;
  for (const [name, values] of Object.entries(people)) {
    const [row] = await db.insert(members).values({ ...values, workspaceId, directoryId, source: "scim" }).returning({ id: members.id });
    ids[name] = row!.id;
  }
  await db.update(members).set({ managerId: ids.barbara, managerDisplayName: "Barbara Jensen" }).where(eq(members.id, ids.john!));

  for (const displayName of ["Engineering", "Eng Managers", "Sales", "100% Remote"]) {
    const [row] = await db
      .insert(directoryGroups)
      .values({ directoryId, displayName, externalId: `grp-${displayName}`, createdAt: new Date(displayName === "Sales" ? "2023-01-01" : "2024-01-01") })
      .returning({ id: directoryGroups.id });
    ids[displayName] = row!.id;
  }
  await db.insert(directoryGroupMembers).values([
    { groupId: ids.Engineering!, memberId: ids.barbara! },
    { groupId: ids.Engineering!, memberId: ids.john! },
    { groupId: ids["Eng Managers"]!, memberId: ids.barbara! },
    { groupId: ids.Sales!, memberId: ids.carol! },
  ]);
  await db.insert(directoryGroupChildren).values({ groupId: ids.Engineering!, childGroupId: ids["Eng Managers"]! });
});

/** `$name` in a filter stands for the id of that member or group. */
const withIds = (filter: string) => filter.replace(/\$(\w+(?: [A-Z]\w+)?)/g, (_, name: string) => JSON.stringify(ids[name] ?? `missing ${name}`));

async function matchingUsers(filter: string): Promise<string[]> {
  const rows = await database()
    .db.select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), compileFilter(parseFilter(withIds(filter)), userFilterTarget)));
  return names(rows.map((r) => r.id));
}

async function matchingGroups(filter: string): Promise<string[]> {
  const rows = await database()
    .db.select({ id: directoryGroups.id })
    .from(directoryGroups)
    .where(and(eq(directoryGroups.directoryId, directoryId), compileFilter(parseFilter(withIds(filter)), groupFilterTarget)));
  return names(rows.map((r) => r.id));
}

function names(rowIds: string[]): string[] {
  return rowIds.map((id) => Object.keys(ids).find((name) => ids[name] === id) ?? id).sort();
}

const everyone = ["barbara", "carol", "dave", "john", "lookalike", "underscore"];
const enterprise = urns.enterpriseUser;

describe("compileFilter on users", () => {
  it.each([
    ['userName eq "BJENSEN@acme.test"', ["barbara"]],
    ['userName eq "carol.white@acme.test"', ["carol"]],
    [`${urns.user}:userName eq "dave@acme.test"`, ["dave"]],
    ['USERNAME Eq "dave@acme.test"', ["dave"]],
    ['userName ne "dave@acme.test"', ["barbara", "carol", "john", "lookalike", "underscore"]],
    ['userName sw "J"', ["john"]],
    ['userName ew "@ACME.TEST"', everyone],
    ['userName gt "d"', ["dave", "john"]],
    ['userName le "b"', ["lookalike", "underscore"]],
    ['externalId eq "EXT-5"', ["carol"]],
    ['externalId eq "ext-5"', []],
    ['displayName co "jensen"', ["barbara"]],
    ['name.givenName sw "bar"', ["barbara"]],
    ['name.familyName pr', ["barbara", "john"]],
    ["name pr", ["barbara", "john"]],
    ['title eq "engineer"', ["barbara", "underscore"]],
    ["title pr", ["barbara", "john", "lookalike", "underscore"]],
    ["title eq null", ["carol", "dave"]],
    ["title ne null", ["barbara", "john", "lookalike", "underscore"]],
  ])("%s", async (filter, expected) => {
    expect(await matchingUsers(filter)).toEqual(expected);
  });

  it.each([
    ['userName co "a_b"', ["underscore"]],
    ['userName co "b%c"', ["underscore"]],
    ['userName sw "a_"', ["underscore"]],
    ['displayName co "\\\\"', ["carol"]],
    ['displayName co "%"', []],
  ])("escapes LIKE wildcards: %s", async (filter, expected) => {
    expect(await matchingUsers(filter)).toEqual(expected);
  });

  it.each([
    ["active eq true", ["barbara", "carol", "dave", "lookalike", "underscore"]],
    ['active eq "False"', ["john"]],
    ["active ne true", ["john"]],
    ["not (active eq true)", ["john"]],
    ['not (title eq "Engineer")', ["carol", "dave", "john", "lookalike"]],
    ['title eq "Engineer" or title eq "Manager" and active eq false', ["barbara", "john", "underscore"]],
    ['(title eq "Engineer" or title eq "Manager") and active eq true', ["barbara", "lookalike", "underscore"]],
    ['not (title eq "Engineer" or department eq "Sales")', ["dave", "lookalike"]],
    ['meta.created gt "2024-03-01T00:00:00Z"', ["carol", "dave", "lookalike", "underscore"]],
    ['meta.created ge "2024-03-01T00:00:00Z"', ["carol", "dave", "john", "lookalike", "underscore"]],
    ['meta.created lt "2024-03-01"', ["barbara"]],
    ['meta.created eq "2024-07-15T14:30:00+02:00"', ["carol"]],
    ['meta.lastModified pr and meta.created le "2024-01-10T09:00:00.000Z"', ["barbara"]],
  ])("%s", async (filter, expected) => {
    expect(await matchingUsers(filter)).toEqual(expected);
  });

  it.each([
    ['emails[type eq "work" and value co "@acme"]', ["barbara", "carol", "underscore"]],
    ['emails[type eq "home" and value co "@acme"]', ["john"]],
    ['emails[type eq "work"].value eq "JSMITH@globex.test"', ["john"]],
    ['emails[type eq "home"].value eq "jsmith@globex.test"', []],
    ['emails co "@home.test"', ["barbara"]],
    ['emails eq "john@acme.test"', ["john"]],
    ['emails.value eq "JOHN@acme.test"', ["john"]],
    ['emails.type eq "home"', ["barbara", "john"]],
    ["emails[primary eq true]", ["barbara", "carol", "john"]],
    ['emails[primary eq true and value ew "acme.test"]', ["barbara", "carol", "john"]],
    ['emails[not (type eq "work")]', ["barbara", "john"]],
    ["emails pr", ["barbara", "carol", "john", "underscore"]],
    ["emails eq null", ["dave", "lookalike"]],
    ['phoneNumbers[type eq "mobile" and value sw "+49"]', ["carol"]],
    ['addresses[locality eq "berlin" and primary eq true]', ["carol"]],
    ['addresses.country eq "de"', ["carol"]],
  ])("multi-valued: %s", async (filter, expected) => {
    expect(await matchingUsers(filter)).toEqual(expected);
  });

  it.each([
    ["manager eq $barbara", ["john"]],
    [`${enterprise}:manager.value eq $barbara`, ["john"]],
    ['manager.displayName co "barbara"', ["john"]],
    ["manager pr", ["john"]],
    [`${enterprise}:department eq "r&d"`, ["barbara"]],
    ['department eq "SALES"', ["carol", "john"]],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:costCenter eq "cc-7"', ["carol"]],
    ['employeeNumber eq "1001"', ["barbara"]],
  ])("enterprise: %s", async (filter, expected) => {
    expect(await matchingUsers(filter)).toEqual(expected);
  });

  it.each([
    ["groups eq $Eng Managers", ["barbara"]],
    ['groups[display eq "engineering"]', ["barbara", "john"]],
    ['groups.display sw "sal"', ["carol"]],
    ['groups[type eq "direct" and value eq $Sales]', ["carol"]],
    ["groups pr", ["barbara", "carol", "john"]],
    ['groups eq "not-a-group-id"', []],
  ])("groups: %s", async (filter, expected) => {
    expect(await matchingUsers(filter)).toEqual(expected);
  });

  it.each([
    ["id eq $carol", ["carol"]],
    ["id eq $carol or id eq $dave", ["carol", "dave"]],
    ['id eq "not-a-uuid"', []],
    ['id ne "not-a-uuid"', everyone],
    ["id ne $carol", everyone.filter((n) => n !== "carol")],
    ['id eq "00000000-0000-0000-0000-000000000000"', []],
  ])("ids: %s", async (filter, expected) => {
    expect(await matchingUsers(filter)).toEqual(expected);
  });

  it("compares an id's text for other operators", async () => {
    expect(await matchingUsers(`id sw "${ids.carol!.slice(0, 8).toUpperCase()}"`)).toContain("carol");
  });

  it.each([
    ['password eq "secret"', '"password" cannot be used in a filter.'],
    ["meta.location pr", '"meta.location" cannot be used in a filter.'],
    ['groups.$ref eq "x"', '"groups.$ref" cannot be used in a filter.'],
    ["foo eq 1", 'Unknown attribute "foo" in the filter.'],
    ['name.nope eq "x"', 'Unknown attribute "name.nope" in the filter.'],
    ['emails[type eq "work"].nope eq "x"', 'Unknown attribute "emails.nope" in the filter.'],
    ['urn:example:ext:foo eq "x"', 'Unknown attribute "urn:example:ext:foo" in the filter.'],
    ['active eq "maybe"', '"active" is a boolean; compare it with true or false, not "maybe".'],
    ["active gt true", '"active" is a boolean; only eq, ne and pr apply to it.'],
    ["meta.created gt 5", /"meta\.created" is a dateTime; compare it with a date in double quotes/],
    ['meta.created gt "yesterday"', /"yesterday" is not a valid dateTime for "meta\.created"/],
    ['meta.created gt "2024-02-30"', /"2024-02-30" is not a valid dateTime/],
    ['meta.created co "2024"', /"meta\.created" is a dateTime; co does not apply/],
    ["userName eq 5", /"userName" is a string; compare it with a value in double quotes/],
    ['name eq "x"', /"name" has sub-attributes; filter on one of them/],
    ['userName gt null', /null can only be compared with eq or ne/],
    ['userName[value eq "x"]', /"userName" is not a complex attribute/],
  ])("refuses %s", (filter, detail) => {
    const compile = () => compileFilter(parseFilter(filter), userFilterTarget);
    expect(compile).toThrow(ScimError);
    expect(compile).toThrow(expect.objectContaining({ status: 400, scimType: "invalidFilter" }));
    expect(compile).toThrow(detail);
  });

  it("binds every literal as a parameter", () => {
    const value = `x' or 1=1; drop table members; --`;
    const query = database()
      .db.select({ id: members.id })
      .from(members)
      .where(compileFilter(parseFilter(`userName eq ${JSON.stringify(value)} or emails co ${JSON.stringify(value)}`), userFilterTarget))
      .toSQL();
    expect(query.sql).not.toContain("drop table");
    expect(query.sql).toContain(`lower("members"."user_name") = lower($1)`);
    expect(query.params).toEqual([value, `%${value}%`]);
  });

  it("treats a filter that is one long chain of conditions like a short one", async () => {
    const filter = Array.from({ length: 450 }, (_, i) => `userName eq "u${i}"`).join(" or ");
    expect(filter.length).toBeGreaterThan(9000);
    expect(await matchingUsers(`${filter} or userName eq "dave@acme.test"`)).toEqual(["dave"]);
  });
});

describe("compileFilter on groups", () => {
  it.each([
    ['displayName eq "ENGINEERING"', ["Engineering"]],
    ['displayName co "%"', ["100% Remote"]],
    ['displayName sw "eng"', ["Eng Managers", "Engineering"]],
    ['externalId eq "grp-Sales"', ["Sales"]],
    ['meta.created lt "2023-06-01T00:00:00Z"', ["Sales"]],
    ["members[value eq $john]", ["Engineering"]],
    ["members eq $barbara", ["Eng Managers", "Engineering"]],
    ["members eq $Eng Managers", ["Engineering"]],
    ['members[type eq "group"]', ["Engineering"]],
    ['members[type eq "User" and display co "jensen"]', ["Eng Managers", "Engineering"]],
    ['members.display eq "eng managers"', ["Engineering"]],
    ["members pr", ["Eng Managers", "Engineering", "Sales"]],
    ["not (members pr)", ["100% Remote"]],
    ["id eq $Engineering and members[value eq $john]", ["Engineering"]],
    ['id eq $Eng Managers and members[value eq $john]', []],
    ['members[value eq "not-a-uuid"]', []],
    ['id eq "not-a-uuid" or displayName eq "Sales"', ["Sales"]],
  ])("%s", async (filter, expected) => {
    expect(await matchingGroups(filter)).toEqual(expected);
  });

  it("compiles displayName eq to the shape of directory_groups_display_name_idx", () => {
    const query = database()
      .db.select({ id: directoryGroups.id })
      .from(directoryGroups)
      .where(compileFilter(parseFilter('displayName eq "Sales"'), groupFilterTarget))
      .toSQL();
    expect(query.sql).toContain(`lower("directory_groups"."display_name") = lower($1)`);
    expect(query.params).toEqual(["Sales"]);
  });
});

describe("compileSortBy", () => {
  async function sortedUsers(sortBy: string): Promise<string[]> {
    const rows = await database()
      .db.select({ id: members.id })
      .from(members)
      .where(eq(members.workspaceId, workspaceId))
      .orderBy(sql`${compileSortBy(sortBy, userFilterTarget)} nulls last`, asc(members.id));
    return rows.map((r) => Object.keys(ids).find((name) => ids[name] === r.id)!);
  }

  it.each([
    ["userName", ["underscore", "lookalike", "barbara", "carol", "dave", "john"]],
    ["meta.created", ["barbara", "john", "underscore", "lookalike", "carol", "dave"]],
    ["name.familyName", ["barbara", "john"]],
    ["emails", ["underscore", "barbara", "carol", "john"]],
    ["emails.value", ["underscore", "barbara", "carol", "john"]],
    [`${enterprise}:employeeNumber`, ["barbara"]],
  ])("sorts users by %s", async (sortBy, expectedFirst) => {
    const sorted = await sortedUsers(sortBy);
    expect(sorted.slice(0, expectedFirst.length)).toEqual(expectedFirst);
  });

  it.each([
    ["password", '"password" cannot be used to sort.'],
    ["emails.type", '"emails.type" cannot be used to sort.'],
    ["groups", '"groups" cannot be used to sort.'],
    ["name", '"name" cannot be used to sort.'],
    ["foo", 'Unknown attribute "foo" in sortBy.'],
    ["user name", '"user name" is not a valid sortBy attribute.'],
  ])("refuses %s", (sortBy, detail) => {
    const compile = () => compileSortBy(sortBy, userFilterTarget);
    expect(compile).toThrow(expect.objectContaining({ status: 400, scimType: "invalidValue", detail }));
  });

  it("sorts groups by displayName ignoring case", () => {
    const query = database().db.select().from(directoryGroups).orderBy(compileSortBy("DISPLAYNAME", groupFilterTarget)).toSQL();
    expect(query.sql).toContain(`order by lower("directory_groups"."display_name")`);
  });
});

describe.runIf(testDatabaseKind === "postgres")("query plans", () => {
  let bulkWorkspaceId: string;
  let bulkDirectoryId: string;

  beforeAll(async () => {
    const db = database().db;
    const [workspace] = await db.insert(workspaces).values({ slug: "bulk", name: "Bulk", seatLimit: 10 }).returning();
    bulkWorkspaceId = workspace!.id;
    const [directory] = await db.insert(directoryConnections).values({ workspaceId: bulkWorkspaceId, name: "Entra", idpType: "entra" }).returning();
    bulkDirectoryId = directory!.id;
    await db.execute(sql`
      insert into members (workspace_id, directory_id, user_name, email, status, source)
      select ${bulkWorkspaceId}, ${bulkDirectoryId}, 'user' || i || '@bulk.test', 'user' || i || '@bulk.test', 'suspended', 'scim'
      from generate_series(1, 5000) as i`);
    await db.execute(sql`
      insert into directory_groups (directory_id, display_name)
      select ${bulkDirectoryId}, 'Group ' || i from generate_series(1, 5000) as i`);
    await db.execute(sql`
      insert into directory_group_members (group_id, member_id)
      select g.id, m.id from directory_groups as g join members as m on m.user_name = 'user' || substring(g.display_name from 7) || '@bulk.test'
      where g.directory_id = ${bulkDirectoryId}`);
    await db.execute(sql`
      insert into directory_group_children (group_id, child_group_id)
      select parent.id, child.id from directory_groups as parent join directory_groups as child
        on child.display_name = 'Group ' || (substring(parent.display_name from 7)::int + 1)
      where parent.directory_id = ${bulkDirectoryId} and child.directory_id = ${bulkDirectoryId}`);
    await db.execute(sql`analyze members`);
    await db.execute(sql`analyze directory_groups`);
    await db.execute(sql`analyze directory_group_members`);
    await db.execute(sql`analyze directory_group_children`);
  });

  async function plan(query: { getSQL: () => SQL }): Promise<string> {
    const rows = await queryRows<{ "QUERY PLAN": string }>(database().db, sql`explain ${query.getSQL()}`);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  }

  function usersWhere(filter: string) {
    return database()
      .db.select({ id: members.id })
      .from(members)
      .where(
        and(
          eq(members.workspaceId, bulkWorkspaceId),
          eq(members.directoryId, bulkDirectoryId),
          isNull(members.directoryRemovedAt),
          compileFilter(parseFilter(filter), userFilterTarget),
        ),
      );
  }

  function groupsWhere(filter: string) {
    return database()
      .db.select({ id: directoryGroups.id })
      .from(directoryGroups)
      .where(and(eq(directoryGroups.directoryId, bulkDirectoryId), compileFilter(parseFilter(filter), groupFilterTarget)));
  }

  it("finds a user by userName through members_workspace_user_name_idx", async () => {
    expect(await plan(usersWhere('userName eq "USER42@bulk.test"'))).toContain("members_workspace_user_name_idx");
    expect(await usersWhere('userName eq "USER42@bulk.test"')).toHaveLength(1);
  });

  it("finds a group by displayName through directory_groups_display_name_idx", async () => {
    expect(await plan(groupsWhere('displayName eq "group 42"'))).toContain("directory_groups_display_name_idx");
    expect(await groupsWhere('displayName eq "group 42"')).toHaveLength(1);
  });

  it("checks a group's member through indexes on the raw id columns", async () => {
    const [member] = await database().db.select({ id: members.id }).from(members).where(eq(members.userName, "user42@bulk.test"));
    const [group] = await database().db.select({ id: directoryGroups.id }).from(directoryGroups).where(eq(directoryGroups.displayName, "Group 42"));
    const query = groupsWhere(`id eq "${group!.id}" and members[value eq "${member!.id}"]`);
    const text = await plan(query);
    expect(text).toContain("directory_groups_pkey");
    expect(text).toMatch(/Index (Only )?Scan using directory_group_members_\w+ on directory_group_members/);
    expect(text).toMatch(/Index (Only )?Scan using directory_group_children_\w+ on directory_group_children/);
    expect(text).not.toContain("Seq Scan");
    expect(await query).toEqual([{ id: group!.id }]);
  });
});
