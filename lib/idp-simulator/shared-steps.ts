import type { GroupFixture, Person } from "./fixtures";
import type { Simulation } from "./profile";
import { errorBody } from "./response-checks";

export const userLabel = (person: Person) => `user ${person.index + 1}`;
export const groupLabel = (group: GroupFixture) => `group ${group.index + 1}`;

/** A filter comparison as the IdPs write it; none of them escapes quotes, and the simulator's values have none. */
export const eq = (attribute: string, value: string) => `${attribute} eq "${value}"`;

export const membersOf = (simulation: Simulation, group: GroupFixture) =>
  group.members.map((index) => simulation.people[index]).filter((person) => person !== undefined);

export const outsiderOf = (simulation: Simulation, group: GroupFixture) =>
  group.outsider === undefined ? undefined : simulation.people[group.outsider];

/** DELETE a resource; with `confirm`, a GET must then answer 404 with an error body. */
export async function deleteResource(
  simulation: Simulation,
  resource: { key: string; endpoint: "/Users" | "/Groups"; label: string; confirm?: boolean },
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
