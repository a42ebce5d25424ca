import { urns } from "@/lib/scim/schemas/urns";
import { chunk, type GroupFixture, type Person } from "../fixtures";
import { describe, get, getArray, getString, isJsonObject, type JsonObject } from "../json";
import { patchAnswers, patchGroup, patchOp, patchUser } from "../patch-steps";
import type { Profile, Simulation } from "../profile";
import {
  absent,
  allOf,
  type Check,
  errorBody,
  type Expected,
  firstResource,
  header,
  ifBody,
  listResponse,
  present,
  resource,
  resourcesOf,
} from "../response-checks";
import type { Query, ScimResponse } from "../scim-client";
import { deleteGroup, deleteUser, eq, expectMembers, groupLabel, listQuery, membersOf, userLabel } from "../shared-steps";

const membersPerPatch = 1000;

function reasonsOrNothing(reasons: string[]): string | undefined {
  return reasons.length > 0 ? reasons.join("; ") : undefined;
}

const serviceProviderConfig: Check = ({ body }) => {
  if (!isJsonObject(body)) return `expected a ServiceProviderConfig, got ${describe(body)}`;
  const reasons: string[] = [];
  if (!getArray(body, "schemas")?.includes(urns.serviceProviderConfig)) reasons.push("schemas lacks the ServiceProviderConfig URN");
  for (const feature of ["patch", "bulk", "filter", "changePassword", "sort", "etag"]) {
    const supported = get(body, feature, "supported");
    if (typeof supported !== "boolean") reasons.push(`${feature}.supported is ${describe(supported)}, expected a boolean`);
  }
  if (!Array.isArray(body.authenticationSchemes)) reasons.push("authenticationSchemes is not an array");
  return reasonsOrNothing(reasons);
};

const resourceTypes: Check = (response) => {
  const types = resourcesOf(response);
  const wanted = [
    { name: "User", endpoint: "/Users", schema: urns.user },
    { name: "Group", endpoint: "/Groups", schema: urns.group },
  ];
  return reasonsOrNothing(
    wanted.flatMap(({ name, endpoint, schema }) => {
      const type = types.find((candidate) => candidate.name === name);
      if (!type) return [`no ${name} resource type`];
      if (type.endpoint === endpoint && type.schema === schema) return [];
      return [`the ${name} resource type has endpoint ${describe(type.endpoint)} and schema ${describe(type.schema)}`];
    }),
  );
};

const schemaList: Check = (response) => {
  const ids = resourcesOf(response).map((schema) => schema.id);
  return reasonsOrNothing([urns.user, urns.enterpriseUser, urns.group].filter((urn) => !ids.includes(urn)).map((urn) => `/Schemas lacks ${urn}`));
};

function sortedByUserName(order: "ascending" | "descending"): Check {
  return (response) => {
    const names = resourcesOf(response).map((user) => (getString(user, "userName") ?? "").toLowerCase());
    for (let i = 0; i + 1 < names.length; i++) {
      const [a = "", b = ""] = [names[i], names[i + 1]];
      if (order === "ascending" ? a > b : a < b) return `not sorted by userName ${order}: ${a} comes before ${b}`;
    }
    return undefined;
  };
}

function pageAt(startIndex: number, userName: string): Check {
  return allOf(
    ({ body }) => (get(body, "startIndex") === startIndex ? undefined : `startIndex is ${describe(get(body, "startIndex"))}, expected ${startIndex}`),
    ({ body }) => (get(body, "itemsPerPage") === 1 ? undefined : `itemsPerPage is ${describe(get(body, "itemsPerPage"))}, expected 1`),
    firstResource({ userName }),
  );
}

const versionOf = (response: ScimResponse | undefined) =>
  response?.headers.get("etag") ?? getString(response?.body, "meta", "version");

const hasVersion: Check = (response) => (versionOf(response) ? undefined : "no ETag header and no meta.version");

function userBody(person: Person, runId: string) {
  return {
    schemas: [urns.user, urns.enterpriseUser],
    userName: person.userName,
    externalId: `generic-${runId}-${person.index + 1}`,
    name: { givenName: person.givenName, familyName: person.familyName, formatted: person.displayName },
    displayName: person.displayName,
    title: "Engineer",
    emails: [
      { value: person.email, type: "work", primary: true },
      { value: `${person.email.split("@")[0]}@home.example.net`, type: "home" },
    ],
    phoneNumbers: [{ value: "+1 555 0100", type: "work" }],
    active: true,
    [urns.enterpriseUser]: { employeeNumber: String(1000 + person.index), department: "Engineering" },
  };
}

async function discovery(sim: Simulation) {
  await sim.step({ name: "service provider config", method: "GET", path: "/ServiceProviderConfig", expect: 200, check: serviceProviderConfig });
  await sim.step({ name: "resource types", method: "GET", path: "/ResourceTypes", expect: 200, check: allOf(listResponse(), resourceTypes) });
  await sim.step({ name: "schemas", method: "GET", path: "/Schemas", expect: 200, check: allOf(listResponse(), schemaList) });
  await sim.step({ name: "the User schema by its URN", method: "GET", path: `/Schemas/${urns.user}`, expect: 200, check: resource({ id: urns.user }) });
}

async function createUsers(sim: Simulation) {
  for (const person of sim.people) {
    await sim.step({
      name: `create ${userLabel(person)}`,
      method: "POST",
      path: "/Users",
      body: userBody(person, sim.runId),
      expect: 201,
      check: allOf(resource({ userName: person.userName, "meta.resourceType": "User", title: "Engineer" }, urns.user), header("location")),
      save: person.key,
    });
  }
  const [first] = sim.people;
  if (!first) return;
  await sim.step({
    name: `create ${userLabel(first)} again: 409 uniqueness`,
    method: "POST",
    path: "/Users",
    body: userBody(first, `${sim.runId}-again`),
    expect: 409,
    check: errorBody(409, "uniqueness"),
  });
}

/** RFC 7644 §3.14: If-None-Match answers 304, a stale If-Match 412; PATCH paths with value filters; PUT clears what it omits. */
async function versionedUpdates(sim: Simulation, person: Person) {
  const label = userLabel(person);
  const work = person.email.replace("@", ".work@");
  const mobile = "+1 555 0199";
  const patched: Record<string, Expected> = {
    'emails[type eq "work"].value': work,
    'emails[type eq "home"]': absent,
    'phoneNumbers[type eq "mobile"].value': mobile,
  };
  const before = await sim.step((need) => ({
    name: `read ${label} with its version`,
    method: "GET",
    path: `/Users/${need.id(person.key)}`,
    expect: 200,
    check: allOf(resource({ userName: person.userName }), hasVersion),
    save: `${person.key}:v1`,
  }));
  const v1 = versionOf(before);
  await sim.step((need) => ({
    name: `read ${label} again with If-None-Match: 304`,
    method: "GET",
    path: `/Users/${need.id(person.key)}`,
    headers: { "if-none-match": need.value(v1, "the first read returned no version") },
    expect: 304,
  }));
  await sim.step((need) => ({
    name: `patch ${label} through value-filter paths with If-Match`,
    method: "PATCH",
    path: `/Users/${need.id(person.key)}`,
    headers: { "if-match": need.value(v1, "the first read returned no version") },
    body: patchOp(
      { op: "replace", path: 'emails[type eq "work"].value', value: work },
      { op: "remove", path: 'emails[type eq "home"]' },
      { op: "add", path: "phoneNumbers", value: [{ type: "mobile", value: mobile }] },
    ),
    expect: patchAnswers,
    check: ifBody(resource(patched)),
  }));
  await sim.step((need) => ({
    name: `replace ${label} with the stale version: 412`,
    method: "PUT",
    path: `/Users/${need.id(person.key)}`,
    headers: { "if-match": need.value(v1, "the first read returned no version") },
    body: need.document(`${person.key}:v1`),
    expect: 412,
    check: errorBody(412),
  }));
  const after = await sim.step((need) => ({
    name: `read ${label} back after the patch`,
    method: "GET",
    path: `/Users/${need.id(person.key)}`,
    expect: 200,
    check: allOf(resource(patched), hasVersion),
    save: `${person.key}:v2`,
  }));
  const v2 = versionOf(after);
  await sim.step((need) => {
    const current: JsonObject = need.document(`${person.key}:v2`);
    return {
      name: `replace ${label} without title: PUT clears it`,
      method: "PUT",
      path: `/Users/${need.id(person.key)}`,
      headers: { "if-match": need.value(v2, "the second read returned no version") },
      body: Object.fromEntries(Object.entries(current).filter(([key]) => key !== "title")),
      expect: 200,
      check: resource({ userName: person.userName, title: absent }),
    };
  });
}

async function queries(sim: Simulation, first: Person, second: Person | undefined, inactive: Person) {
  const total = sim.people.length;
  const ofThisRun = `userName sw "${first.userNamePrefix}"`;
  const list = (name: string, query: Query, totalResults: number, check?: Check) =>
    sim.step({
      name,
      method: "GET",
      path: "/Users",
      query,
      expect: 200,
      check: check ? allOf(listResponse({ totalResults }), check) : listResponse({ totalResults }),
    });
  const descending = { filter: ofThisRun, sortBy: "userName", sortOrder: "descending" };
  const either = `${eq("userName", first.userName)} or ${eq("userName", second?.userName ?? first.userName)}`;
  const userNameOnly = firstResource({ id: present, userName: first.userName, name: absent, emails: absent });

  await list("filter sw, sorted by userName descending", descending, total, sortedByUserName("descending"));
  await list("filter with and", { filter: `${ofThisRun} and active eq false` }, 1, firstResource({ userName: inactive.userName }));
  await list("filter with not (…)", { filter: `${ofThisRun} and not (active eq false)` }, total - 1);
  await list("filter with or", { filter: either }, second ? 2 : 1);
  await list("filter on a value path", { filter: `emails[type eq "work" and value co "${sim.runId}"]` }, total);
  await list("attributes=userName", { filter: eq("userName", first.userName), attributes: "userName" }, 1, userNameOnly);
  await sim.step((need) => ({
    name: `read ${userLabel(first)} with excludedAttributes=emails`,
    method: "GET",
    path: `/Users/${need.id(first.key)}`,
    query: { excludedAttributes: "emails" },
    expect: 200,
    check: resource({ userName: first.userName, emails: absent }),
  }));
  await sim.step({
    name: "count=0 returns totalResults only",
    method: "GET",
    path: "/Users",
    query: { filter: ofThisRun, count: 0 },
    expect: 200,
    check: allOf(listResponse({ totalResults: total, countOnly: true }), (response) =>
      resourcesOf(response).length === 0 ? undefined : "count=0 still returned resources",
    ),
  });
  const page = (startIndex: number) => ({ filter: ofThisRun, sortBy: "userName", startIndex, count: 1 });
  await list("startIndex=0 is read as 1", page(0), total, pageAt(1, first.userName));
  if (second) await list("second page of one", page(2), total, pageAt(2, second.userName));
  await sim.step({
    name: "an invalid filter answers 400 invalidFilter",
    method: "GET",
    path: "/Users",
    query: { filter: 'userName eqq "x"' },
    expect: 400,
    check: errorBody(400, "invalidFilter"),
  });
  await sim.step({
    name: "search by POST /Users/.search",
    method: "POST",
    path: "/Users/.search",
    body: {
      schemas: [urns.searchRequest],
      filter: ofThisRun,
      attributes: ["userName", "displayName"],
      sortBy: "userName",
      sortOrder: "ascending",
      startIndex: 1,
      count: 10,
    },
    expect: 200,
    check: allOf(listResponse({ totalResults: total }), sortedByUserName("ascending"), firstResource({ userName: first.userName, emails: absent })),
  });
}

async function groupLifecycle(sim: Simulation, group: GroupFixture) {
  const label = groupLabel(group);
  const people = membersOf(sim, group);
  const renamed = `${group.displayName} renamed`;
  await sim.step({
    name: `create ${label}`,
    method: "POST",
    path: "/Groups",
    body: { schemas: [urns.group], displayName: group.displayName, externalId: `generic-${sim.runId}-group-${group.index + 1}` },
    expect: 201,
    check: allOf(resource({ displayName: group.displayName, "meta.resourceType": "Group" }, urns.group), header("location")),
    save: group.key,
  });
  for (const batch of chunk(people, membersPerPatch)) {
    await sim.step(
      patchGroup(group, `add ${batch.length} member(s) to ${label}`, (need) => [
        { op: "add", path: "members", value: batch.map((person) => ({ value: need.id(person.key) })) },
      ]),
    );
  }
  await sim.step(listQuery(`find ${label} by displayName`, "/Groups", { filter: eq("displayName", group.displayName) }, { totalResults: 1 }));
  await sim.step((need) => ({
    name: `read ${label} with attributes=displayName`,
    method: "GET",
    path: `/Groups/${need.id(group.key)}`,
    query: { attributes: "displayName" },
    expect: 200,
    check: resource({ displayName: group.displayName, members: absent }),
  }));

  const [removed, ...rest] = people;
  if (removed) {
    await sim.step((need) =>
      listQuery(
        `check ${userLabel(removed)} is in ${label} (members eq)`,
        "/Groups",
        { filter: `${eq("id", need.id(group.key))} and ${eq("members", need.id(removed.key))}`, attributes: "id" },
        { totalResults: 1 },
      ),
    );
    await sim.step(
      patchGroup(group, `remove ${userLabel(removed)} from ${label} by a value-filter path`, (need) => [
        { op: "remove", path: `members[${eq("value", need.id(removed.key))}]` },
      ]),
    );
    await sim.step(expectMembers(group, `${label} lost only ${userLabel(removed)}`, { exclude: [removed], include: rest }));
  }
  await sim.step(
    patchGroup(group, `rename ${label}`, [{ op: "replace", path: "displayName", value: renamed }], ifBody(resource({ displayName: renamed }))),
  );
}

/** A spec-literal RFC 7643/7644 client (PingFederate, Rippling, scripts). */
export const generic: Profile = {
  name: "generic",
  title: "Generic SCIM 2.0 client",
  userAgent: "Rollcall-IdP-Simulator/1.0 (RFC 7644 client)",
  contentType: "application/json",

  async run(sim) {
    await discovery(sim);
    await createUsers(sim);
    const [first, second] = sim.people;
    const inactive = sim.people[sim.people.length - 1];
    if (first) await versionedUpdates(sim, first);
    if (inactive) {
      const deactivate = [{ op: "replace", path: "active", value: false }];
      await sim.step(patchUser(inactive, `deactivate ${userLabel(inactive)}`, deactivate, ifBody(resource({ active: false }))));
    }
    if (first && inactive) await queries(sim, first, second, inactive);
    for (const group of sim.groups) await groupLifecycle(sim, group);

    for (const group of sim.groups) await deleteGroup(sim, group, { confirm: group.index === 0 });
    for (const person of sim.people) await deleteUser(sim, person, { confirm: person.index === 0 });
  },
};
