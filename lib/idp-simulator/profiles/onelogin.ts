import { urns } from "@/lib/scim/schemas/urns";
import { enterprise } from "../attribute-path";
import type { GroupFixture, Person } from "../fixtures";
import { patchGroup } from "../patch-steps";
import type { Profile, Simulation } from "../profile";
import { resource } from "../response-checks";
import { deleteGroup, deleteUser, eq, expectMembers, groupLabel, listQuery, membersOf, userLabel, userNameLookup } from "../shared-steps";

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
  await sim.step(userNameLookup(`look ${label} up by userName before creating`, person.userName, 0));
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
  await sim.step(userNameLookup(`suspended ${label} is still found by userName`, person.userName, 1));
  await putUser(sim, person, externalId, `unsuspend ${label} ("active": "true")`, { active: true, title: "Engineer" });
}

async function mapMembers(sim: Simulation, group: GroupFixture) {
  const label = groupLabel(group);
  const people = membersOf(sim, group);
  // OneLogin provisions membership user by user, as its rules put each user in the group.
  for (const person of people) {
    await sim.step(
      patchGroup(group, `add ${userLabel(person)} to ${label}`, (need) => [
        { op: "add", path: "members", value: [{ value: need.id(person.key), display: person.userName }] },
      ]),
    );
  }
  const [removed, ...rest] = people;
  if (!removed) return;
  await sim.step(
    patchGroup(group, `remove ${userLabel(removed)} from ${label}`, (need) => [
      { op: "remove", path: `members[${eq("value", need.id(removed.key))}]` },
    ]),
  );
  await sim.step(expectMembers(group, `${label} lost ${userLabel(removed)} and kept the others`, { exclude: [removed], include: rest }));
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
    await sim.step(listQuery("enable the API connection", "/Users"));

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
    await sim.step(listQuery("refresh entitlements: list groups", "/Groups"));
    for (const group of sim.groups) await mapMembers(sim, group);

    for (const person of sim.people) await deleteUser(sim, person, { confirm: person.index === 0 });
    // OneLogin never deletes groups (nor sends member removals when a group is dropped from the app).
    for (const group of sim.groups) await deleteGroup(sim, group, { label: `${groupLabel(group)} (cleanup, not OneLogin traffic)` });
  },
};
