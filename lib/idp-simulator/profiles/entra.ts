import { chunk, guid, type GroupFixture, type Person } from "../fixtures";
import { getArray, getString } from "../json";
import type { Profile, Simulation } from "../profile";
import { absent, allOf, type Check, listResponse, resource, resourcesOf } from "../response-checks";
import { enterprise, patchOp, urns } from "../scim-urns";
import { deleteResource, eq, groupLabel, membersOf, userLabel } from "../shared-steps";

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

const anyResponse = [200, 204];

function updatedValues(person: Person) {
  return {
    email: person.email.replace("@", ".work@"),
    familyName: `${person.familyName}-Jones`,
    employeeNumber: String(700000 + person.index),
    nickName: person.givenName.slice(0, 3),
  };
}

async function connectionTest(sim: Simulation) {
  await sim.step({
    name: "test connection: query a user that cannot exist",
    method: "GET",
    path: "/Users",
    query: { filter: eq("userName", guid()) },
    expect: 200,
    check: listResponse({ totalResults: 0 }),
  });
  await sim.step({
    name: "test connection: query a group that cannot exist",
    method: "GET",
    path: "/Groups",
    query: { excludedAttributes: "members", filter: eq("displayName", guid()) },
    expect: 200,
    check: listResponse({ totalResults: 0 }),
  });
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
  await sim.step({
    name: `match ${label} by userName before creating`,
    method: "GET",
    path: "/Users",
    query: { filter: eq("userName", person.userName) },
    expect: 200,
    check: listResponse({ totalResults: 0 }),
  });
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
  await sim.step((need) => ({
    name: `update ${label}: one capitalised operation per changed attribute`,
    method: "PATCH",
    path: `/Users/${need.id(person.key)}`,
    body: patchOp(
      { op: "Replace", path: 'emails[type eq "work"].value', value: updated.email },
      { op: "Replace", path: "name.familyName", value: updated.familyName },
      { op: "Replace", path: enterprise("employeeNumber"), value: updated.employeeNumber },
      { op: "Add", path: "nickName", value: updated.nickName },
    ),
    expect: anyResponse,
  }));
  if (!readBack) return;
  await sim.step((need) => ({
    name: `read ${label} back after the update`,
    method: "GET",
    path: `/Users/${need.id(person.key)}`,
    expect: 200,
    check: resource({
      userName: person.userName,
      'emails[type eq "work"].value': updated.email,
      "name.familyName": updated.familyName,
      [enterprise("employeeNumber")]: updated.employeeNumber,
      nickName: updated.nickName,
    }),
  }));
}

async function readUser(sim: Simulation, person: Person, name: string, check: Check) {
  await sim.step((need) => ({ name, method: "GET", path: `/Users/${need.id(person.key)}`, expect: 200, check }));
}

async function setManager(sim: Simulation, subject: Person, boss: Person, name: string) {
  await sim.step((need) => ({
    name,
    method: "PATCH",
    path: `/Users/${need.id(subject.key)}`,
    body: patchOp({ op: "Add", path: manager, value: need.id(boss.key) }),
    expect: anyResponse,
  }));
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
  await sim.step((need) => ({
    name: `check the manager reference of ${label} by filter`,
    method: "GET",
    path: "/Users",
    query: { filter: `${eq("id", need.id(subject.key))} and ${eq("manager", need.id(boss.key))}`, attributes: "id" },
    expect: 200,
    check: listResponse({ totalResults: 1 }),
  }));
  await sim.step((need) => ({
    name: `remove the manager of ${label}`,
    method: "PATCH",
    path: `/Users/${need.id(subject.key)}`,
    body: patchOp({ op: "Remove", path: manager }),
    expect: anyResponse,
  }));
  await readUser(sim, subject, `the manager of ${label} is gone`, resource({ [manager]: absent }));
}

async function offboardAndRestore(sim: Simulation, subject: Person, boss: Person | undefined) {
  const label = userLabel(subject);
  const leaverName = `${subject.displayName} (leaver)`;
  if (boss) await setManager(sim, subject, boss, `set the manager of ${label} again before off-boarding`);
  await sim.step((need) => ({
    name: `off-board ${label}: displayName, lowercase manager remove and active "False" in one PATCH`,
    method: "PATCH",
    path: `/Users/${need.id(subject.key)}`,
    body: patchOp(
      { op: "Replace", path: "displayName", value: leaverName },
      { op: "remove", path: manager },
      { op: "Replace", path: "active", value: "False" },
    ),
    expect: anyResponse,
  }));
  await readUser(
    sim,
    subject,
    `${label} reads back inactive, renamed, without manager`,
    resource({ active: false, displayName: leaverName, [manager]: absent }),
  );
  await sim.step({
    name: `inactive ${label} is still found by userName`,
    method: "GET",
    path: "/Users",
    query: { filter: eq("userName", subject.userName) },
    expect: 200,
    check: listResponse({ totalResults: 1 }),
  });
  await sim.step((need) => ({
    name: `restore ${label}: active "True"`,
    method: "PATCH",
    path: `/Users/${need.id(subject.key)}`,
    body: patchOp({ op: "Replace", path: "active", value: "True" }),
    expect: anyResponse,
  }));
  await readUser(sim, subject, `${label} reads back active`, resource({ active: true }));
}

function membershipFilter(groupId: string, userId: string) {
  return { filter: `${eq("id", groupId)} and members[${eq("value", userId)}]`, excludedAttributes: "members" };
}

async function pushGroup(sim: Simulation, group: GroupFixture) {
  const label = groupLabel(group);
  const people = membersOf(sim, group);
  await sim.step({
    name: `match ${label} by displayName before creating`,
    method: "GET",
    path: "/Groups",
    query: { excludedAttributes: "members", filter: eq("displayName", group.displayName) },
    expect: 200,
    check: listResponse({ totalResults: 0 }),
  });
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
    await sim.step((need) => ({
      name:
        batch.length === 1 && first
          ? `add ${userLabel(first)} to ${label}`
          : `add ${batch.length} members to ${label}, one operation each`,
      method: "PATCH",
      path: `/Groups/${need.id(group.key)}`,
      body: patchOp(
        ...batch.map((person) => ({ op: "Add", path: "members", value: [{ $ref: null, value: need.id(person.key) }] })),
      ),
      expect: anyResponse,
    }));
  }

  const [removed, kept] = people;
  if (removed) {
    await sim.step((need) => ({
      name: `check ${userLabel(removed)} is a member of ${label}`,
      method: "GET",
      path: "/Groups",
      query: membershipFilter(need.id(group.key), need.id(removed.key)),
      expect: 200,
      check: listResponse({ totalResults: 1 }),
    }));
    await sim.step((need) => ({
      name: `remove ${userLabel(removed)} from ${label} (value array, no filter)`,
      method: "PATCH",
      path: `/Groups/${need.id(group.key)}`,
      body: patchOp({ op: "Remove", path: "members", value: [{ value: need.id(removed.key) }] }),
      expect: anyResponse,
    }));
    await sim.step((need) => ({
      name: `check ${userLabel(removed)} left ${label}`,
      method: "GET",
      path: "/Groups",
      query: membershipFilter(need.id(group.key), need.id(removed.key)),
      expect: 200,
      check: listResponse({ totalResults: 0 }),
    }));
  }
  if (kept) {
    await sim.step((need) => ({
      name: `check ${userLabel(kept)} is still in ${label} (the remove must not empty the group)`,
      method: "GET",
      path: "/Groups",
      query: membershipFilter(need.id(group.key), need.id(kept.key)),
      expect: 200,
      check: listResponse({ totalResults: 1 }),
    }));
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
    if (first) await deleteResource(sim, { key: first.key, endpoint: "/Users", label: userLabel(first), confirm: true });
    for (const group of sim.groups) await deleteResource(sim, { key: group.key, endpoint: "/Groups", label: groupLabel(group) });
    for (const person of rest) await deleteResource(sim, { key: person.key, endpoint: "/Users", label: userLabel(person) });
  },
};
