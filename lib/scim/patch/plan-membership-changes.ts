import { badRequest } from "../errors";
import type { Filter } from "../filter/filter-ast";
import { isPlainObject } from "../schemas/coerce-resource";
import { urns } from "../schemas/urns";
import type { PatchOperation } from "./patch-operation";

/** One set operation on a group's member rows, to run in order. */
export type MembershipChange =
  | { kind: "add"; ids: string[] }
  | { kind: "remove"; ids: string[] }
  | { kind: "removeWhere"; filter: Filter }
  | { kind: "replace"; ids: string[] }
  | { kind: "removeAll" };

const targetsMembers = ({ path }: PatchOperation) =>
  path !== undefined && path.name.toLowerCase() === "members" && (!path.schema || path.schema.toLowerCase() === urns.group.toLowerCase());

function memberIds(value: unknown): string[] {
  const ids = new Set<string>();
  for (const element of Array.isArray(value) ? value : [value]) {
    if (!isPlainObject(element) || typeof element.value !== "string" || element.value === "") {
      throw badRequest("invalidValue", 'Each member needs a "value" with the id of a user or group.');
    }
    ids.add(element.value);
  }
  return [...ids];
}

/** `value eq "a"`, or several of them joined by `or` (Okta, Entra with aadOptscim062020) → the ids. */
function filteredIds(filter: Filter): string[] | undefined {
  if (filter.type === "compare") {
    const { path, op, value } = filter;
    const byId = op === "eq" && typeof value === "string" && !path.schema && !path.subAttr && path.name.toLowerCase() === "value";
    return byId ? [value] : undefined;
  }
  if (filter.type !== "or") return undefined;
  const left = filteredIds(filter.left);
  const right = filteredIds(filter.right);
  return left && right && [...new Set([...left, ...right])];
}

function membershipChange({ op, path, value }: PatchOperation): MembershipChange {
  if (path?.subAttr) {
    throw badRequest("mutability", "A member's value, type and $ref cannot be changed; remove the member and add it again.");
  }
  const filter = path?.valueFilter;
  if (filter) {
    if (op !== "remove") throw badRequest("invalidPath", 'Add members with the path "members" and a list of values; a filter can only select members to remove.');
    const ids = filteredIds(filter);
    return ids ? { kind: "remove", ids } : { kind: "removeWhere", filter };
  }
  if (op === "add") return { kind: "add", ids: memberIds(value) };
  if (op === "replace") return { kind: "replace", ids: memberIds(value) };
  // A value list removes only those members (Entra, JumpCloud); no value clears the group.
  return value === undefined ? { kind: "removeAll" } : { kind: "remove", ids: memberIds(value) };
}

/**
 * Splits a group PATCH's canonical operations into member-row changes, so the member list (up
 * to 100,000 rows) is never loaded, and the operations on the group's other attributes.
 */
export function planMembershipChanges(operations: PatchOperation[]): { memberChanges: MembershipChange[]; otherOperations: PatchOperation[] } {
  const memberChanges: MembershipChange[] = [];
  const otherOperations: PatchOperation[] = [];
  for (const operation of operations) {
    if (targetsMembers(operation)) memberChanges.push(membershipChange(operation));
    else otherOperations.push(operation);
  }
  return { memberChanges, otherOperations };
}
