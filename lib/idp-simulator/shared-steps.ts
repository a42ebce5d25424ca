import type { GroupFixture, Person } from "./fixtures";
import type { Simulation } from "./profile";
import { type Check, errorBody, type ListExpectation, listResponse, members } from "./response-checks";
import type { Query } from "./scim-client";
import type { StepBuilder, StepSpec } from "./step-recorder";

type Endpoint = "/Users" | "/Groups";

export const userLabel = (person: Person) => `user ${person.index + 1}`;
export const groupLabel = (group: GroupFixture) => `group ${group.index + 1}`;

/** A filter comparison as the IdPs write it; none of them escapes quotes, and the simulator's values have none. */
export const eq = (attribute: string, value: string) => `${attribute} eq "${value}"`;

export const membersOf = (simulation: Simulation, group: GroupFixture) =>
  group.members.map((index) => simulation.people[index]).filter((person) => person !== undefined);

export const outsiderOf = (simulation: Simulation, group: GroupFixture) =>
  group.outsider === undefined ? undefined : simulation.people[group.outsider];

/** GET a created user; 200 and a body that passes `check`. */
export const readUser =
  (person: Person, name: string, check: Check): StepBuilder =>
  (need) => ({ name, method: "GET", path: `/Users/${need.id(person.key)}`, expect: 200, check });

/** GET a created group; 200 and members that hold (or lack) the given people. */
export const expectMembers =
  (group: GroupFixture, name: string, expected: { include?: Person[]; exclude?: Person[]; exactly?: Person[] }): StepBuilder =>
  (need) => {
    const path = `/Groups/${need.id(group.key)}`;
    // In the caller's order, so that a skipped step names what is missing in that order.
    const ids = Object.fromEntries(Object.entries(expected).map(([key, people]) => [key, people?.map((person) => need.id(person.key))]));
    return { name, method: "GET", path, expect: 200, check: members(ids) };
  };

/** GET /Users or /Groups, usually with a filter; 200 and a ListResponse as `expected` says. */
export function listQuery(name: string, endpoint: Endpoint, query?: Query, expected: ListExpectation = {}): StepSpec {
  return { name, method: "GET", path: endpoint, ...(query ? { query } : {}), expect: 200, check: listResponse(expected) };
}

/** How Entra, OneLogin and JumpCloud look a user up, before creating it or after deactivating it. */
export const userNameLookup = (name: string, userName: string, totalResults: number): StepSpec =>
  listQuery(name, "/Users", { filter: eq("userName", userName) }, { totalResults });

/** DELETE a resource; with `confirm`, a GET must then answer 404 with an error body. */
export async function deleteResource(
  simulation: Simulation,
  resource: { key: string; endpoint: Endpoint; label: string; confirm?: boolean },
): Promise<void> {
  const { key, endpoint, label } = resource;
  await simulation.step((need) => ({ name: `delete ${label}`, method: "DELETE", path: `${endpoint}/${need.id(key)}`, expect: 204 }));
  if (!resource.confirm) return;
  await simulation.step((need) => ({
    name: `${label} is gone after DELETE`,
    method: "GET",
    path: `${endpoint}/${need.id(key)}`,
    expect: 404,
    check: errorBody(404),
  }));
}

export const deleteUser = (simulation: Simulation, person: Person, options: { confirm?: boolean } = {}) =>
  deleteResource(simulation, { key: person.key, endpoint: "/Users", label: userLabel(person), ...options });

export const deleteGroup = (simulation: Simulation, group: GroupFixture, options: { confirm?: boolean; label?: string } = {}) =>
  deleteResource(simulation, { key: group.key, endpoint: "/Groups", label: options.label ?? groupLabel(group), confirm: options.confirm });
