import { randomBytes } from "node:crypto";
import { urns } from "@/lib/scim/schemas/urns";
import { chunk, guid, type GroupFixture, type Person } from "../fixtures";
import { get, isJsonObject } from "../json";
import { patchGroup, patchUser } from "../patch-steps";
import type { Profile, Simulation } from "../profile";
import { allOf, type Check, errorBody, firstResource, idsOf, ifBody, listResponse, resource } from "../response-checks";
import { eq, expectMembers, groupLabel, listQuery, membersOf, outsiderOf, readUser, userLabel } from "../shared-steps";

const pageSize = 100;
/** Stops a server that ignores startIndex from keeping the walk going forever. */
const maxPages = 100;
/** Okta publishes no size for its split membership PATCHes; 1,000 is the simulator's choice. */
const membersPerPatch = 1000;

const oktaUserId = () => `00u${randomBytes(9).toString("hex").slice(0, 17)}`;
const oktaPassword = () => randomBytes(6).toString("base64url");

function createBody(person: Person) {
  return {
    schemas: [urns.user],
    userName: person.userName,
    name: { givenName: person.givenName, familyName: person.familyName },
    emails: [{ primary: true, value: person.email, type: "work" }],
    displayName: person.displayName,
    locale: "en-US",
    externalId: oktaUserId(),
    groups: [],
    password: oktaPassword(),
    active: true,
  };
}

/** What Okta's spec test (T6/T7) reads from a user it created. */
function oktaUser(person: Person): Check {
  const fields = resource(
    {
      userName: person.userName,
      "name.givenName": person.givenName,
      "name.familyName": person.familyName,
      'emails[type eq "work"].value': person.email,
      active: true,
    },
    urns.user,
  );
  return (response) =>
    response.text.trim() === "" ? 'empty body: Okta fails with "Create new user returned empty user"' : fields(response);
}

/** Okta tolerates 404 for an empty lookup; 200 with totalResults 0 is the clean answer. */
const emptyLookup: Check = (response) =>
  response.status === 404 ? errorBody(404)(response) : listResponse({ totalResults: 0, paging: true })(response);

async function connectionTest(sim: Simulation) {
  await sim.step(listQuery("test API credentials: list users", "/Users", { startIndex: 1, count: 2 }, { paging: true }));
  await sim.step(listQuery("test API credentials: list groups", "/Groups", { startIndex: 1, count: 100 }, { paging: true }));
  await sim.step({
    name: "unknown user id answers 404 with an error body",
    method: "GET",
    path: `/Users/${guid()}`,
    expect: 404,
    check: errorBody(404),
  });
  await sim.step({
    name: "a wrong token answers 401 with an error body",
    method: "GET",
    path: "/Users",
    query: { startIndex: 1, count: 1 },
    token: `wrong-${guid()}`,
    expect: 401,
    check: errorBody(401),
  });
}

async function createUser(sim: Simulation, person: Person) {
  const label = userLabel(person);
  await sim.step({
    name: `look ${label} up by userName before creating`,
    method: "GET",
    path: "/Users",
    query: { filter: eq("userName", person.userName), startIndex: 1, count: pageSize },
    expect: [200, 404],
    check: emptyLookup,
  });
  await sim.step({
    name: `create ${label} (password, groups:[], locale, externalId)`,
    method: "POST",
    path: "/Users",
    body: createBody(person),
    expect: 201,
    check: oktaUser(person),
    save: person.key,
  });
}

async function specChecks(sim: Simulation, person: Person) {
  const label = userLabel(person);
  await sim.step({
    name: `create ${label} again: a duplicate answers 409`,
    method: "POST",
    path: "/Users",
    body: createBody(person),
    expect: 409,
    check: errorBody(409),
  });
  await sim.step(readUser(person, `read ${label}`, oktaUser(person)));
  await sim.step({
    name: `find ${label} by its upper-cased userName`,
    method: "GET",
    path: "/Users",
    query: { filter: eq("userName", person.userName.toUpperCase()), startIndex: 1, count: pageSize },
    expect: 200,
    check: allOf(listResponse({ totalResults: 1, paging: true }), firstResource({ userName: person.userName })),
  });
}

/** Okta's PUT is read-modify-write: everything it read comes back, id, meta and groups included. */
async function pushProfile(sim: Simulation, person: Person) {
  const label = userLabel(person);
  const readKey = `${person.key}:okta-read`;
  const familyName = `${person.familyName}-Jones`;
  await sim.step((need) => ({
    name: `read ${label} before the profile push`,
    method: "GET",
    path: `/Users/${need.id(person.key)}`,
    expect: 200,
    check: resource({ userName: person.userName }),
    save: readKey,
  }));
  await sim.step((need) => {
    const current = need.document(readKey);
    const name = isJsonObject(current.name) ? current.name : {};
    return {
      name: `push the profile of ${label} (PUT of the whole user)`,
      method: "PUT",
      path: `/Users/${need.id(readKey)}`,
      body: { ...current, name: { ...name, familyName }, title: "Engineer", groups: [], active: true },
      expect: 200,
      check: resource({ id: need.id(readKey), userName: person.userName, "name.familyName": familyName, title: "Engineer" }),
    };
  });
}

async function setActive(sim: Simulation, person: Person, active: boolean, name: string) {
  await sim.step(patchUser(person, name, [{ op: "replace", value: { active } }], ifBody(resource({ active }))));
}

async function deactivateAndReactivate(sim: Simulation, person: Person) {
  const label = userLabel(person);
  await setActive(sim, person, false, `deactivate ${label} (no-path replace)`);
  await sim.step(readUser(person, `deactivated ${label} is still readable`, resource({ active: false })));
  await setActive(sim, person, true, `reactivate ${label}`);
}

async function pushGroup(sim: Simulation, group: GroupFixture) {
  const label = groupLabel(group);
  const people = membersOf(sim, group);
  const renamed = `${group.displayName} renamed`;

  await sim.step({
    name: `push ${label}`,
    method: "POST",
    path: "/Groups",
    body: { schemas: [urns.group], displayName: group.displayName, members: [] },
    expect: 201,
    check: resource({ displayName: group.displayName }, urns.group),
    save: group.key,
  });
  await sim.step((need) => ({
    name: `check ${label} still exists`,
    method: "GET",
    path: `/Groups/${need.id(group.key)}`,
    expect: 200,
    check: resource({ displayName: group.displayName }),
  }));
  // Okta sends this with every membership update, so an unchanged name and id must be accepted.
  await sim.step(
    patchGroup(group, `re-send the unchanged name of ${label} with its id`, (need) => [
      { op: "replace", value: { id: need.id(group.key), displayName: group.displayName } },
    ]),
  );
  for (const batch of chunk(people, membersPerPatch)) {
    await sim.step(
      patchGroup(group, `add ${batch.length} member(s) to ${label}`, (need) => [
        { op: "add", path: "members", value: batch.map((person) => ({ value: need.id(person.key), display: person.userName })) },
      ]),
    );
  }
  if (people.length > 0) await sim.step(expectMembers(group, `${label} holds every pushed member`, { include: people }));

  const [removed, fallback] = people;
  // With every user already a member, the add part re-adds one: adding an existing member is a no-op.
  const added = outsiderOf(sim, group) ?? fallback;
  if (removed && added) {
    await sim.step(
      patchGroup(group, `remove ${userLabel(removed)} by filter and add ${userLabel(added)} in one PATCH`, (need) => [
        { op: "remove", path: `members[${eq("value", need.id(removed.key))}]` },
        { op: "add", path: "members", value: [{ value: need.id(added.key), display: added.userName }] },
      ]),
    );
    await sim.step(expectMembers(group, `${label} reflects the remove and the add`, { include: [added], exclude: [removed] }));
  }

  await sim.step(
    patchGroup(
      group,
      `rename ${label} (id inside the value)`,
      (need) => [{ op: "replace", value: { id: need.id(group.key), displayName: renamed } }],
      ifBody(resource({ displayName: renamed })),
    ),
  );

  // A replace is the whole member list, so unlike adds it cannot be split into smaller PATCHes.
  if (people.length > 0) {
    await sim.step(
      patchGroup(group, `replace all members of ${label}`, (need) => [
        { op: "replace", path: "members", value: people.map((person) => ({ value: need.id(person.key) })) },
      ]),
    );
    await sim.step(expectMembers(group, `${label} holds exactly the replacement members`, { exactly: people }));
  }
}

function pageProblems(requestedStart: number): Check {
  return ({ body }) => {
    const resources = get(body, "Resources");
    const count = Array.isArray(resources) ? resources.length : 0;
    const reasons: string[] = [];
    if (get(body, "startIndex") !== requestedStart) reasons.push(`startIndex is ${String(get(body, "startIndex"))}, expected ${requestedStart}`);
    if (get(body, "itemsPerPage") !== count) reasons.push(`itemsPerPage is ${String(get(body, "itemsPerPage"))} but the page holds ${count}`);
    if (count > pageSize) reasons.push(`the page holds ${count} users, more than count=${pageSize}`);
    const total = get(body, "totalResults");
    if (typeof total === "number" && count < pageSize && requestedStart - 1 + count < total) {
      reasons.push(`only ${count} users though ${total - requestedStart + 1} remain: Okta advances startIndex by ${pageSize} and would skip the rest`);
    }
    return reasons.length > 0 ? reasons.join("; ") : undefined;
  };
}

/** Okta's import: count=100, startIndex advancing by 100 until totalResults; the order must not move. */
async function importUsers(sim: Simulation) {
  const seen: string[] = [];
  let firstPage: string[] = [];
  let total: unknown;
  for (let page = 0; page < maxPages; page++) {
    const startIndex = page * pageSize + 1;
    const response = await sim.step({
      name: `import users, page ${page + 1}`,
      method: "GET",
      path: "/Users",
      query: { startIndex, count: pageSize },
      expect: 200,
      check: allOf(listResponse({ paging: true }), pageProblems(startIndex)),
    });
    if (!response) return;
    const ids = idsOf(response);
    if (page === 0) firstPage = ids;
    seen.push(...ids);
    total = get(response.body, "totalResults");
    if (ids.length === 0 || typeof total !== "number" || startIndex + pageSize > total) break;
  }

  const created = sim.people.flatMap((person) => sim.idOf(person.key) ?? []);
  await sim.step({
    name: "read the first page again: same order, and the walk saw every user once",
    method: "GET",
    path: "/Users",
    query: { startIndex: 1, count: pageSize },
    expect: 200,
    check: (response) => {
      const reasons: string[] = [];
      if (idsOf(response).join() !== firstPage.join()) reasons.push("the first page came back in a different order");
      if (new Set(seen).size !== seen.length) reasons.push("the pages repeated some users");
      if (typeof total === "number" && seen.length !== total && total <= maxPages * pageSize) {
        reasons.push(`the pages held ${seen.length} users, totalResults said ${total}`);
      }
      const missed = created.filter((id) => !seen.includes(id));
      if (missed.length > 0) reasons.push(`${missed.length} user(s) this run created never appeared in the pages`);
      return reasons.length > 0 ? reasons.join("; ") : undefined;
    },
  });
}

/** Okta (OIN SCIM 2.0 template): PUT for profiles, PATCH for (de)activation, Push Groups by PATCH. */
export const okta: Profile = {
  name: "okta",
  title: "Okta",
  userAgent: "Okta SCIM Client 1.0.0",
  contentType: "application/json",

  async run(sim) {
    await connectionTest(sim);
    for (const person of sim.people) {
      await createUser(sim, person);
      if (person.index === 0) await specChecks(sim, person);
    }
    for (const person of sim.people) await pushProfile(sim, person);
    const [first] = sim.people;
    if (first) await deactivateAndReactivate(sim, first);

    for (const group of sim.groups) await pushGroup(sim, group);
    await importUsers(sim);

    for (const group of sim.groups) {
      await sim.step((need) => ({
        name: `unlink ${groupLabel(group)} and delete it in the app`,
        method: "DELETE",
        path: `/Groups/${need.id(group.key)}`,
        expect: 204,
      }));
    }
    // Okta never DELETEs users: unassigning them from the app deactivates them.
    for (const person of sim.people) await setActive(sim, person, false, `unassign ${userLabel(person)}: deactivate`);
  },
};
