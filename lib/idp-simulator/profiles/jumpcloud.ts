import { randomBytes } from "node:crypto";
import { urns } from "@/lib/scim/schemas/urns";
import type { GroupFixture, Person } from "../fixtures";
import { patchGroup, patchUser } from "../patch-steps";
import type { Profile, Simulation } from "../profile";
import { ifBody, resource } from "../response-checks";
import {
  deleteGroup,
  deleteResource,
  deleteUser,
  eq,
  expectMembers,
  groupLabel,
  listQuery,
  membersOf,
  outsiderOf,
  readUser,
  userLabel,
  userNameLookup,
} from "../shared-steps";

const jumpCloudId = () => randomBytes(12).toString("hex");

type Identity = Pick<Person, "userName" | "givenName" | "familyName" | "displayName" | "email">;

function userBody(person: Identity, externalId: string, title?: string) {
  return {
    schemas: [urns.user],
    userName: person.userName,
    externalId,
    name: { givenName: person.givenName, familyName: person.familyName, formatted: person.displayName },
    displayName: person.displayName,
    emails: [{ value: person.email, type: "work", primary: true }],
    active: true,
    ...(title ? { title } : {}),
  };
}

/** Test Connection must work on a brand-new directory and leave no billable seat behind. */
async function connectionTest(sim: Simulation) {
  const userKey = "jumpcloud:test-user";
  const groupKey = "jumpcloud:test-group";
  const userName = `sim-jumpcloud-${sim.runId}-test@${sim.domain}`;
  const testUser = { userName, givenName: "Test", familyName: "Connection", displayName: "Test Connection", email: userName };
  await sim.step({
    name: "test connection: create a test user",
    method: "POST",
    path: "/Users",
    body: userBody(testUser, jumpCloudId()),
    expect: 201,
    check: resource({ userName: testUser.userName }),
    save: userKey,
  });
  await sim.step({
    name: "test connection: create a test group",
    method: "POST",
    path: "/Groups",
    body: { schemas: [urns.group], displayName: `sim-jumpcloud-${sim.runId}-test-group` },
    expect: 201,
    check: resource(),
    save: groupKey,
  });
  await deleteResource(sim, { key: groupKey, endpoint: "/Groups", label: "the test group (test connection)", confirm: true });
  await deleteResource(sim, { key: userKey, endpoint: "/Users", label: "the test user (test connection)", confirm: true });
}

async function provisionUser(sim: Simulation, person: Person, externalId: string) {
  const label = userLabel(person);
  await sim.step(userNameLookup(`look ${label} up before provisioning`, person.userName, 0));
  await sim.step({
    name: `provision ${label}`,
    method: "POST",
    path: "/Users",
    body: userBody(person, externalId),
    expect: 201,
    check: resource({ userName: person.userName, active: true }),
    save: person.key,
  });
}

// Whether JumpCloud updates by PUT or by PATCH is not documented, so the simulator sends both.
async function updateUser(sim: Simulation, person: Person, externalId: string) {
  const label = userLabel(person);
  await sim.step((need) => ({
    name: `update ${label} by PUT`,
    method: "PUT",
    path: `/Users/${need.id(person.key)}`,
    body: userBody(person, externalId, "Engineer"),
    expect: 200,
    check: resource({ userName: person.userName, title: "Engineer" }),
  }));
  if (person.index !== 0) return;
  const title = "Staff Engineer";
  await sim.step(patchUser(person, `update ${label} by PATCH`, [{ op: "replace", path: "title", value: title }], ifBody(resource({ title }))));
}

async function syncGroup(sim: Simulation, group: GroupFixture) {
  const label = groupLabel(group);
  const people = membersOf(sim, group);
  // JumpCloud does not create empty groups: a group appears with its first members.
  if (people.length === 0) return;
  const lookUp = `look ${label} up by name (JumpCloud takes over a group with the same name)`;
  await sim.step(listQuery(lookUp, "/Groups", { filter: eq("displayName", group.displayName) }, { totalResults: 0 }));
  await sim.step((need) => ({
    name: `create ${label} with its members`,
    method: "POST",
    path: "/Groups",
    body: {
      schemas: [urns.group],
      displayName: group.displayName,
      members: people.map((person) => ({ value: need.id(person.key), display: person.userName })),
    },
    expect: 201,
    check: resource({ displayName: group.displayName }),
    save: group.key,
  }));
  await sim.step(expectMembers(group, `${label} holds its members`, { include: people }));

  const [removed, ...rest] = people;
  if (removed) {
    await sim.step(
      patchGroup(group, `remove ${userLabel(removed)} from ${label} (value array, no filter)`, (need) => [
        { op: "remove", path: "members", value: [{ value: need.id(removed.key) }] },
      ]),
    );
    await sim.step(expectMembers(group, `${label} lost only ${userLabel(removed)}`, { exclude: [removed], include: rest }));
  }
  const added = outsiderOf(sim, group) ?? removed;
  if (added) {
    await sim.step(
      patchGroup(group, `add ${userLabel(added)} to ${label}`, (need) => [
        { op: "add", path: "members", value: [{ value: need.id(added.key) }] },
      ]),
    );
    await sim.step(expectMembers(group, `${label} holds ${userLabel(added)}`, { include: [added] }));
  }
  await sim.step(patchGroup(group, `rename ${label}`, [{ op: "replace", path: "displayName", value: `${group.displayName} renamed` }]));
}

async function deprovision(sim: Simulation, person: Person) {
  const label = userLabel(person);
  const inactive = resource({ active: false });
  await sim.step(patchUser(person, `deprovision ${label}: set inactive`, [{ op: "replace", path: "active", value: false }], ifBody(inactive)));
  await sim.step(readUser(person, `inactive ${label} is still readable`, inactive));
}

/** JumpCloud custom SCIM integration (SCIM 2.0), group management enabled. */
export const jumpcloud: Profile = {
  name: "jumpcloud",
  title: "JumpCloud",
  // Not documented; a plausible value so the activity log shows something recognisable.
  userAgent: "JumpCloud-SCIM/2.0",
  contentType: "application/json",

  async run(sim) {
    await connectionTest(sim);
    const externalIds = new Map(sim.people.map((person) => [person.key, jumpCloudId()]));
    const externalIdOf = (person: Person) => externalIds.get(person.key) ?? "";
    for (const person of sim.people) await provisionUser(sim, person, externalIdOf(person));
    for (const person of sim.people) await updateUser(sim, person, externalIdOf(person));
    for (const group of sim.groups) await syncGroup(sim, group);

    const last = sim.people[sim.people.length - 1];
    if (last) await deprovision(sim, last);
    for (const person of sim.people) await deleteUser(sim, person, { confirm: person.index === 0 });
    for (const group of sim.groups) {
      if (group.members.length > 0) await deleteGroup(sim, group);
    }
  },
};
