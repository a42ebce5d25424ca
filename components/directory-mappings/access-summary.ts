import type { RecomputeCounts } from "@/lib/mappings/recompute-member-access";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The counts of a mapping change, for its toast. `null`: the mapping already was as asked. */
export function accessSummary(access: RecomputeCounts | null): string {
  if (!access) return "Nothing changed: the mapping already was like this.";
  const members = count(access.members, "member", "members");
  const changes = [
    access.rolesChanged > 0 && count(access.rolesChanged, "role changed", "roles changed"),
    access.teamRowsAdded > 0 && count(access.teamRowsAdded, "team membership added", "team memberships added"),
    access.teamRowsRemoved > 0 && count(access.teamRowsRemoved, "team membership removed", "team memberships removed"),
  ].filter((change) => change !== false);
  if (changes.length === 0) return `${members} checked; no role or team changed.`;
  return `${members} updated: ${changes.join(", ")}.`;
}
