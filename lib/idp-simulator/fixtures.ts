import { randomUUID } from "node:crypto";
import type { ProfileName } from "./profile-names";
import type { SimulationScale } from "./simulation-report";

export interface Person {
  index: number;
  /** ResourceStore key of the created user. */
  key: string;
  userName: string;
  givenName: string;
  familyName: string;
  displayName: string;
  email: string;
  /** Run-unique, so list filters can select this run's users only. */
  userNamePrefix: string;
}

export interface GroupFixture {
  index: number;
  key: string;
  displayName: string;
  /** Indexes into people: the group's K members. */
  members: number[];
  /** A person who is not a member, when there is one, for "add" steps. */
  outsider?: number;
}

const givenNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim"];
const familyNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Berners-Lee"];

export const newRunId = () => randomUUID().slice(0, 8);

export const guid = () => randomUUID();

export function makePeople(profile: ProfileName, runId: string, count: number, domain: string): Person[] {
  // Zero-padded so that sorting by userName gives creation order whatever the collation.
  const width = Math.max(3, String(count).length);
  const userNamePrefix = `sim-${profile}-${runId}-`;
  return Array.from({ length: count }, (_, index) => {
    const givenName = givenNames[index % givenNames.length] ?? "Test";
    const familyName = familyNames[index % familyNames.length] ?? "User";
    const userName = `${userNamePrefix}${String(index + 1).padStart(width, "0")}@${domain}`;
    return { index, key: `user:${index}`, userName, givenName, familyName, displayName: `${givenName} ${familyName}`, email: userName, userNamePrefix };
  });
}

export function makeGroups(profile: ProfileName, runId: string, scale: SimulationScale): GroupFixture[] {
  return Array.from({ length: scale.groups }, (_, index) => {
    // Each group starts at a different person, so groups overlap without being identical.
    const members = Array.from({ length: scale.members }, (_, k) => (index + k) % scale.users);
    const outsider = scale.members < scale.users ? (index + scale.members) % scale.users : undefined;
    return { index, key: `group:${index}`, displayName: `sim-${profile}-${runId}-group-${index + 1}`, members, outsider };
  });
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
