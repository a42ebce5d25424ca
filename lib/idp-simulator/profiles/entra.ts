import { urns } from "@/lib/scim/schemas/urns";
import { enterprise } from "../attribute-path";
import { chunk, guid, type GroupFixture, type Person } from "../fixtures";
import { getArray, getString } from "../json";
import { patchGroup, patchOp, patchUser } from "../patch-steps";
import type { Profile, Simulation } from "../profile";
import { absent, allOf, type Check, listResponse, resource, resourcesOf } from "../response-checks";
import { deleteGroup, deleteUser, eq, groupLabel, listQuery, membersOf, readUser, userLabel, userNameLookup } from "../shared-steps";
import type { StepBuilder } from "../step-recorder";

// Microsoft's tutorial example carries this URN, colon missing, in a create body.
const malformedEnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0User";
const adscimGroupSchema = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
const manager = enterprise("manager");

/**
 * Every documented Entra sample adds one member per operation, and the non-gallery client sends one
 * add per request. Past this many members that means thousands of requests per group, so the
 * simulator then puts this many single-member operations in each PATCH instead; that batching is
 * not documented Entra behaviour.
 */
const singleMemberRequestsUpTo = 100;
const operationsPerBatch = 100;

/** Attributes the default Entra mapping (plus this profile) writes; the gallery validator wants each in /Schemas. */
const mappedAttributes: Record<string, string[]> = {
  [urns.user]: ["userName", "active", "displayName", "title", "emails", "name", "nickName"],
  [urns.enterpriseUser]: ["employeeNumber", "manager"],
  [urns.group]: ["displayName", "members"],
};

const discoverable: Check = (response) => {
  const schemas = resourcesOf(response);
  const reasons = Object.entries(mappedAttributes).flatMap(([urn, names]) => {
    const schema = schemas.find((candidate) => candidate.id === urn);
    if (!schema) return [`/Schemas lacks ${urn}`];
    const declared = new Set(
      (getArray(schema, "attributes") ?? []).map((attribute) => getString(attribute, "name")?.toLowerCase()),
    );
    const lacking = names.filter((name) => !declared.has(name.toLowerCase()));
    return lacking.length > 0 ? [`${urn} does not declare ${lacking.join(", ")}`] : [];
  });
  return reasons.length > 0 ? reasons.join("; ") : undefined;
};

function updatedValues(person: Person) {
  return {
    email: person.email.replace("@", ".work@"),
    familyName: `${person.familyName}-Jones`,
    employeeNumber: String(700000 + person.index),
    nickName: person.givenName.slice(0, 3),
  };
}

/** Entra looks a group up by displayName, members excluded, and expects none before it creates one. */
const groupLookup = (name: string, displayName: string) =>
  listQuery(name, "/Groups", { excludedAttributes: "members", filter: eq("displayName", displayName) }, { totalResults: 0 });

async function connectionTest(sim: Simulation) {
  await sim.step(userNameLookup("test connection: query a user that cannot exist", guid(), 0));
  await sim.step(groupLookup("test connection: query a group that cannot exist", guid()));
  await sim.step({
    name: "schema discovery: every mapped attribute is declared",
    method: "GET",
    path: "/Schemas",
    expect: 200,
    check: allOf(listResponse(), discoverable),
  });
}

async function createUser(sim: Simulation, person: Person) {
  const label = userLabel(person);
  await sim.step(userNameLookup(`match ${label} by userName before creating`, person.userName, 0));
  await sim.step({
    name: `create ${label} (meta, roles:[], nulls${person.index === 0 ? ", malformed enterprise URN" : ""})`,
    method: "POST",
    path: "/Users",
    body: {
      schemas: [urns.user, person.index === 0 ? malformedEnterpriseUrn : urns.enterpriseUser],
      externalId: person.userName.split("@")[0],
      userName: person.userName,
      active: true,
      displayName: person.displayName,
      emails: [{ primary: true, type: "work", value: person.email }],
      meta: { resourceType: "User" },
      name: { formatted: person.displayName, familyName: person.familyName, givenName: person.givenName },
      roles: [],
      title: null,
      phoneNumbers: null,
      addresses: null,
    },
    expect: 201,
    check: resource({ userName: person.userName }),
    save: person.key,
  });
}

async function updateUser(sim: Simulation, person: Person, readBack: boolean) {
  const label = userLabel(person);
  const updated = updatedValues(person);
  await sim.step(
    patchUser(person, `update ${label}: one capitalised operation per changed attribute`, [
      { op: "Replace", path: 'emails[type eq "work"].value', value: updated.email },
      { op: "Replace", path: "name.familyName", value: updated.familyName },
      { op: "Replace", path: enterprise("employeeNumber"), value: updated.employeeNumber },
      { op: "Add", path: "nickName", value: updated.nickName },
    ]),
  );
  if (!readBack) return;
  await sim.step(
    readUser(
      person,
      `read ${label} back after the update`,
      resource({
        userName: person.userName,
        'emails[type eq "work"].value': updated.email,
        "name.familyName": updated.familyName,
        [enterprise("employeeNumber")]: updated.employeeNumber,
        nickName: updated.nickName,
      }),
    ),
  );
}

async function setManager(sim: Simulation, subject: Person, boss: Person, name: string) {
  await sim.step(patchUser(subject, name, (need) => [{ op: "Add", path: manager, value: need.id(boss.key) }]));
}

async function managerLifecycle(sim: Simulation, subject: Person, boss: Person) {
  const label = userLabel(subject);
  await setManager(sim, subject, boss, `set the manager of ${label} (bare string id)`);
  await sim.step((need) => ({
    name: `read the manager of ${label} back`,
    method: "GET",
    path: `/Users/${need.id(subject.key)}`,
    expect: 200,
    check: resource({ [`${manager}.value`]: need.id(boss.key) }),
  }));
  await sim.step((need) =>
    listQuery(
      `check the manager reference of ${label} by filter`,
      "/Users",
      { filter: `${eq("id", need.id(subject.key))} and ${eq("manager", need.id(boss.key))}`, attributes: "id" },
      { totalResults: 1 },
    ),
  );
  await sim.step(patchUser(subject, `remove the manager of ${label}`, [{ op: "Remove", path: manager }]));
  await sim.step(readUser(subject, `the manager of ${label} is gone`, resource({ [manager]: absent })));
}

async function offboardAndRestore(sim: Simulation, subject: Person, boss: Person | undefined) {
  const label = userLabel(subject);
  const leaverName = `${subject.displayName} (leaver)`;
  if (boss) await setManager(sim, subject, boss, `set the manager of ${label} again before off-boarding`);
  await sim.step(
    patchUser(subject, `off-board ${label}: displayName, lowercase manager remove and active "False" in one PATCH`, [
      { op: "Replace", path: "displayName", value: leaverName },
      { op: "remove", path: manager },
      { op: "Replace", path: "active", value: "False" },
    ]),
  );
  const offboarded = resource({ active: false, displayName: leaverName, [manager]: absent });
  await sim.step(readUser(subject, `${label} reads back inactive, renamed, without manager`, offboarded));
  await sim.step(userNameLookup(`inactive ${label} is still found by userName`, subject.userName, 1));
  await sim.step(patchUser(subject, `restore ${label}: active "True"`, [{ op: "Replace", path: "active", value: "True" }]));
  await sim.step(readUser(subject, `${label} reads back active`, resource({ active: true })));
}

/** Entra asks whether a user is in a group by filtering the group list, members excluded. */
function membershipQuery(group: GroupFixture, person: Person, name: string, { member }: { member: boolean }): StepBuilder {
  return (need) =>
    listQuery(
      name,
      "/Groups",
      { filter: `${eq("id", need.id(group.key))} and members[${eq("value", need.id(person.key))}]`, excludedAttributes: "members" },
      { totalResults: member ? 1 : 0 },
    );
}

async function pushGroup(sim: Simulation, group: GroupFixture) {
  const label = groupLabel(group);
  const people = membersOf(sim, group);
  await sim.step(groupLookup(`match ${label} by displayName before creating`, group.displayName));
  await sim.step({
    name: `create ${label} with the ADSCIM schema and no members`,
    method: "POST",
    path: "/Groups",
    body: {
      schemas: [urns.group, adscimGroupSchema],
      externalId: guid(),
      displayName: group.displayName,
      meta: { resourceType: "Group" },
    },
    expect: 201,
    check: resource({ displayName: group.displayName }),
    save: group.key,
  });
  await sim.step((need) => ({
    name: `read ${label} without members`,
    method: "GET",
    path: `/Groups/${need.id(group.key)}`,
    query: { excludedAttributes: "members" },
    expect: 200,
    check: resource({ displayName: group.displayName }),
  }));

  const batches = people.length > singleMemberRequestsUpTo ? chunk(people, operationsPerBatch) : people.map((person) => [person]);
  for (const batch of batches) {
    const first = batch[0];
    const name =
      batch.length === 1 && first ? `add ${userLabel(first)} to ${label}` : `add ${batch.length} members to ${label}, one operation each`;
    await sim.step(
      patchGroup(group, name, (need) =>
        batch.map((person) => ({ op: "Add", path: "members", value: [{ $ref: null, value: need.id(person.key) }] })),
      ),
    );
  }

  const [removed, kept] = people;
  if (removed) {
    await sim.step(membershipQuery(group, removed, `check ${userLabel(removed)} is a member of ${label}`, { member: true }));
    await sim.step(
      patchGroup(group, `remove ${userLabel(removed)} from ${label} (value array, no filter)`, (need) => [
        { op: "Remove", path: "members", value: [{ value: need.id(removed.key) }] },
      ]),
    );
    await sim.step(membershipQuery(group, removed, `check ${userLabel(removed)} left ${label}`, { member: false }));
  }
  if (kept) {
    const name = `check ${userLabel(kept)} is still in ${label} (the remove must not empty the group)`;
    await sim.step(membershipQuery(group, kept, name, { member: true }));
  }

  const renamed = `${group.displayName} renamed`;
  await sim.step((need) => ({
    name: `rename ${label}`,
    method: "PATCH",
    path: `/Groups/${need.id(group.key)}`,
    body: patchOp({ op: "Replace", path: "displayName", value: renamed }),
    expect: [204, 200],
  }));
}

/** Microsoft Entra ID, non-gallery app, default settings (no aadOptscim062020 flag in the tenant URL). */
export const entra: Profile = {
  name: "entra",
  title: "Microsoft Entra ID",
  // Not documented; other vendors' servers recognise Entra by this prefix.
  userAgent: "Microsoft Azure AD SCIM provisioning",
  contentType: "application/scim+json",

  async run(sim) {
    await connectionTest(sim);
    for (const person of sim.people) await createUser(sim, person);
    for (const person of sim.people) await updateUser(sim, person, person.index === 0);

    const boss = sim.people.length > 1 ? sim.people[0] : undefined;
    const subject = sim.people[sim.people.length - 1];
    if (subject && boss) await managerLifecycle(sim, subject, boss);
    if (subject) await offboardAndRestore(sim, subject, boss);

    for (const group of sim.groups) await pushGroup(sim, group);

    // Entra DELETEs a user only once it is hard-deleted, 30 days after the soft delete.
    const [first, ...rest] = sim.people;
    if (first) await deleteUser(sim, first, { confirm: true });
    for (const group of sim.groups) await deleteGroup(sim, group);
    for (const person of rest) await deleteUser(sim, person);
  },
};
