import type { GroupFixture, Person } from "../fixtures";
import type { Profile, Simulation } from "../profile";
import { listResponse, members, resource } from "../response-checks";
import { enterprise, patchOp, urns } from "../scim-urns";
import { deleteResource, eq, groupLabel, membersOf, userLabel } from "../shared-steps";

const anyResponse = [200, 204];

interface TemplateValues {
  active: boolean;
  title?: string;
  manager?: { id: string; displayName: string };
}

/**
 * The body OneLogin renders from an admin-edited SCIM JSON template: every value is a string
 * (`"active": "{$user.active}"`), unset parameters become "", and the manager object carries a
 * non-standard `managerId` sub-attribute.
 */
function templatedUser(person: Person, externalId: string, values: TemplateValues) {
  return {
    schemas: [urns.user, urns.enterpriseUser],
    userName: person.userName,
    externalId,
    name: { givenName: person.givenName, familyName: person.familyName },
    displayName: person.displayName,
    emails: [{ value: person.email, type: "work", primary: true }],
    phoneNumbers: [{ value: "", type: "work" }],
    title: values.title ?? "",
    active: values.active ? "true" : "false",
    [urns.enterpriseUser]: {
      department: "",
      employeeNumber: "",
      manager: {
        value: values.manager?.id ?? "",
        managerId: values.manager?.id ?? "",
        displayName: values.manager?.displayName ?? "",
      },
    },
  };
}

/** OneLogin user ids are numbers; derived from the run id so repeated runs do not collide. */
function oneLoginIds(runId: string) {
  const base = (Number.parseInt(runId.slice(0, 6), 16) % 90_000 + 10_000) * 10_000;
  return (person: Person) => String(base + person.index);
}

async function createUser(sim: Simulation, person: Person, externalId: string) {
  const label = userLabel(person);
  await sim.step({
    name: `look ${label} up by userName before creating`,
    method: "GET",
    path: "/Users",
    query: { filter: eq("userName", person.userName) },
    expect: 200,
    check: listResponse({ totalResults: 0 }),
  });
  await sim.step({
    name: `create ${label} from the template ("active": "true", empty strings)`,
    method: "POST",
    path: "/Users",
    body: templatedUser(person, externalId, { active: true }),
    expect: 201,
    check: resource({ userName: person.userName, active: true }),
    save: person.key,
  });
}

async function putUser(sim: Simulation, person: Person, externalId: string, name: string, values: TemplateValues) {
  await sim.step((need) => ({
    name,
    method: "PUT",
    path: `/Users/${need.id(person.key)}`,
    body: templatedUser(person, externalId, values),
    expect: 200,
    check: resource({ userName: person.userName, active: values.active, ...(values.title ? { title: values.title } : {}) }),
  }));
}

async function updateUser(sim: Simulation, person: Person, externalId: string, boss: Person | undefined) {
  const label = userLabel(person);
  const title = "Engineer";
  if (!boss) {
    await putUser(sim, person, externalId, `update ${label} (PUT of the whole template, manager "")`, { active: true, title });
    return;
  }
  await sim.step((need) => ({
    name: `update ${label} (PUT of the whole template, manager with managerId)`,
    method: "PUT",
    path: `/Users/${need.id(person.key)}`,
    body: templatedUser(person, externalId, {
      active: true,
      title,
      manager: { id: need.id(boss.key), displayName: boss.displayName },
    }),
    expect: 200,
    check: resource({ userName: person.userName, title, [`${enterprise("manager")}.value`]: need.id(boss.key) }),
  }));
}

async function suspendAndRestore(sim: Simulation, person: Person, externalId: string) {
  const label = userLabel(person);
  await putUser(sim, person, externalId, `suspend ${label} ("active": "false")`, { active: false, title: "Engineer" });
  await sim.step({
    name: `suspended ${label} is still found by userName`,
    method: "GET",
    path: "/Users",
    query: { filter: eq("userName", person.userName) },
    expect: 200,
    check: listResponse({ totalResults: 1 }),
  });
  await putUser(sim, person, externalId, `unsuspend ${label} ("active": "true")`, { active: true, title: "Engineer" });
}

async function mapMembers(sim: Simulation, group: GroupFixture) {
  const label = groupLabel(group);
  const people = membersOf(sim, group);
  // OneLogin provisions membership user by user, as its rules put each user in the group.
  for (const person of people) {
    await sim.step((need) => ({
      name: `add ${userLabel(person)} to ${label}`,
      method: "PATCH",
      path: `/Groups/${need.id(group.key)}`,
      body: patchOp({ op: "add", path: "members", value: [{ value: need.id(person.key), display: person.userName }] }),
      expect: anyResponse,
    }));
  }
  const [removed, ...rest] = people;
  if (!removed) return;
  await sim.step((need) => ({
    name: `remove ${userLabel(removed)} from ${label}`,
    method: "PATCH",
    path: `/Groups/${need.id(group.key)}`,
    body: patchOp({ op: "remove", path: `members[${eq("value", need.id(removed.key))}]` }),
    expect: anyResponse,
  }));
  await sim.step((need) => ({
    name: `${label} lost ${userLabel(removed)} and kept the others`,
    method: "GET",
    path: `/Groups/${need.id(group.key)}`,
    expect: 200,
    check: members({ exclude: [need.id(removed.key)], include: rest.map((person) => need.id(person.key)) }),
  }));
}

/** OneLogin "SCIM Provisioner with SAML (SCIM v2 Enterprise)", deletion set to "Delete". */
export const onelogin: Profile = {
  name: "onelogin",
  title: "OneLogin",
  // Not documented; a plausible value so the activity log shows something recognisable.
  userAgent: "OneLogin SCIM Provisioner",
  contentType: "application/json",

  async run(sim) {
    const externalIdOf = oneLoginIds(sim.runId);
    // "Enable" makes a first call to the base URL; which request exactly is not documented.
    await sim.step({ name: "enable the API connection", method: "GET", path: "/Users", expect: 200, check: listResponse() });

    for (const person of sim.people) await createUser(sim, person, externalIdOf(person));
    const boss = sim.people[0];
    for (const person of sim.people) {
      await updateUser(sim, person, externalIdOf(person), person === boss ? undefined : boss);
    }
    const last = sim.people[sim.people.length - 1];
    if (last) await suspendAndRestore(sim, last, externalIdOf(last));

    // OneLogin maps users into groups that already exist in the app; a fresh directory has none.
    for (const group of sim.groups) {
      await sim.step({
        name: `setup, not OneLogin traffic: create ${groupLabel(group)}`,
        method: "POST",
        path: "/Groups",
        body: { schemas: [urns.group], displayName: group.displayName },
        expect: 201,
        check: resource({ displayName: group.displayName }),
        save: group.key,
      });
    }
    await sim.step({ name: "refresh entitlements: list groups", method: "GET", path: "/Groups", expect: 200, check: listResponse() });
    for (const group of sim.groups) await mapMembers(sim, group);

    for (const person of sim.people) {
      await deleteResource(sim, { key: person.key, endpoint: "/Users", label: userLabel(person), confirm: person.index === 0 });
    }
    // OneLogin never deletes groups (nor sends member removals when a group is dropped from the app).
    for (const group of sim.groups) {
      await deleteResource(sim, { key: group.key, endpoint: "/Groups", label: `${groupLabel(group)} (cleanup, not OneLogin traffic)` });
    }
  },
};
