import { describe, expect, it } from "vitest";
import { parsePatchPath } from "../filter/parse-filter";
import { groupAttributes } from "../schemas/group-schema";
import { urns } from "../schemas/urns";
import { normalisePatch } from "./normalise-patch";
import type { PatchOperation } from "./patch-operation";
import { planMembershipChanges, type MembershipChange } from "./plan-membership-changes";
import { scimError } from "@/test/scim-error";

/** Plans a PATCH body the way the route does: normalise first. */
const plan = (...Operations: unknown[]) => planMembershipChanges(normalisePatch({ schemas: [urns.patchOp], Operations }, groupAttributes).operations);


describe("planMembershipChanges: IdP shapes", () => {
  it.each<{ name: string; operations: unknown[]; memberChanges: MembershipChange[]; otherOperations?: PatchOperation[] }>([
    {
      name: "Entra add with $ref: null",
      operations: [{ op: "Add", path: "members", value: [{ $ref: null, value: "u1" }] }],
      memberChanges: [{ kind: "add", ids: ["u1"] }],
    },
    {
      name: "Entra/JumpCloud remove with a value list removes only those members",
      operations: [{ op: "Remove", path: "members", value: [{ value: "u1" }, { value: "u2" }] }],
      memberChanges: [{ kind: "remove", ids: ["u1", "u2"] }],
    },
    {
      name: "Entra with aadOptscim062020: remove by filter",
      operations: [{ op: "remove", path: 'members[value eq "u1"]' }],
      memberChanges: [{ kind: "remove", ids: ["u1"] }],
    },
    {
      name: "Okta remove by filter plus add, and the rename PATCH, in order",
      operations: [
        { op: "remove", path: 'members[value eq "89bb1940"]' },
        { op: "add", path: "members", value: [{ value: "23a35c27", display: "test.user@okta.local" }] },
        { op: "replace", value: { id: "g1", displayName: "Sales" } },
      ],
      memberChanges: [
        { kind: "remove", ids: ["89bb1940"] },
        { kind: "add", ids: ["23a35c27"] },
      ],
      otherOperations: [{ op: "replace", path: { name: "displayName" }, value: "Sales" }],
    },
    {
      name: "Okta full replace of members",
      operations: [{ op: "replace", path: "members", value: [{ value: "a" }, { value: "b" }, { value: "a" }] }],
      memberChanges: [{ kind: "replace", ids: ["a", "b"] }],
    },
    {
      name: "several ids joined by or",
      operations: [{ op: "remove", path: 'members[value eq "a" or value eq "b" or VALUE eq "c"]' }],
      memberChanges: [{ kind: "remove", ids: ["a", "b", "c"] }],
    },
    {
      name: "remove without value clears; replace with [] clears",
      operations: [
        { op: "remove", path: "members" },
        { op: "replace", path: "members", value: [] },
      ],
      memberChanges: [{ kind: "removeAll" }, { kind: "removeAll" }],
    },
    {
      name: "remove with an empty value list removes nothing",
      operations: [{ op: "remove", path: "members", value: [] }],
      memberChanges: [{ kind: "remove", ids: [] }],
    },
    {
      name: "a single member object is a list of one",
      operations: [{ op: "add", path: "members", value: { value: "u9", type: "User" } }],
      memberChanges: [{ kind: "add", ids: ["u9"] }],
    },
  ])("$name", ({ operations, memberChanges, otherOperations = [] }) => {
    expect(plan(...operations)).toEqual({ memberChanges, otherOperations });
  });

  it("other filters become removeWhere", () => {
    const { memberChanges } = plan({ op: "remove", path: 'members[type eq "Group"]' }, { op: "remove", path: 'members[value eq "a" and type eq "User"]' });
    expect(memberChanges).toEqual([
      { kind: "removeWhere", filter: parsePatchPath('members[type eq "Group"]').valueFilter },
      { kind: "removeWhere", filter: parsePatchPath('members[value eq "a" and type eq "User"]').valueFilter },
    ]);
  });
});

describe("planMembershipChanges: bad members", () => {
  const members = parsePatchPath("members");

  it.each<PatchOperation>([
    { op: "add", path: members, value: [{ type: "User" }] },
    { op: "add", path: members, value: [{ value: 42 }] },
    { op: "replace", path: members, value: ["u1"] },
    { op: "remove", path: members, value: [{ value: "" }] },
    { op: "add", path: members },
  ])("an element without a string value is invalidValue: %j", (operation) => {
    const error = scimError(() => planMembershipChanges([operation]));
    expect([error.status, error.scimType, error.detail]).toEqual([400, "invalidValue", 'Each member needs a "value" with the id of a user or group.']);
  });

  it("a member's sub-attributes cannot be changed in place", () => {
    expect(scimError(() => plan({ op: "replace", path: 'members[value eq "a"].type', value: "Group" })).scimType).toBe("mutability");
  });

  it("a filter only selects members to remove", () => {
    expect(scimError(() => plan({ op: "add", path: 'members[value eq "a"]', value: { value: "a" } })).scimType).toBe("invalidPath");
  });
});
