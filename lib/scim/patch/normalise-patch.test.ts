import { describe, expect, it } from "vitest";
import type { Filter } from "../filter/filter-ast";
import { groupAttributes } from "../schemas/group-schema";
import { urns } from "../schemas/urns";
import { userAttributes } from "../schemas/user-schema";
import { normalisePatch } from "./normalise-patch";
import type { PatchOperation } from "./patch-operation";
import { scimError } from "@/test/scim-error";

const enterprise = urns.enterpriseUser;
const patchOp = (...Operations: unknown[]) => ({ schemas: [urns.patchOp], Operations });
const eq = (name: string, value: string): Filter => ({ type: "compare", path: { name }, op: "eq", value });


type Case = { name: string; body: unknown; operations: PatchOperation[]; ignored?: string[] };

describe("normalisePatch: user PATCHes as IdPs send them", () => {
  it.each<Case>([
    {
      name: "Entra default: capitalised ops, emails[type eq \"work\"].value, URN path, Add for a new value",
      body: patchOp(
        { op: "Replace", path: 'emails[type eq "work"].value', value: "new@contoso.com" },
        { op: "Replace", path: "name.familyName", value: "Jones" },
        { op: "Replace", path: `${enterprise}:employeeNumber`, value: "701984" },
        { op: "Add", path: "nickName", value: "Babs" },
      ),
      operations: [
        { op: "replace", path: { name: "emails", valueFilter: eq("type", "work"), subAttr: "value" }, value: "new@contoso.com" },
        { op: "replace", path: { name: "name", subAttr: "familyName" }, value: "Jones" },
        { op: "replace", path: { schema: enterprise, name: "employeeNumber" }, value: "701984" },
        { op: "add", path: { name: "nickName" }, value: "Babs" },
      ],
    },
    {
      name: "Entra aadOptscim062020: one no-path replace with dotted and URN-qualified keys",
      body: patchOp({
        op: "replace",
        value: { displayName: "Bjfe", "name.givenName": "Kkom", "name.familyName": "Unua", [`${enterprise}:employeeNumber`]: "Aklq" },
      }),
      operations: [
        { op: "replace", path: { name: "displayName" }, value: "Bjfe" },
        { op: "replace", path: { name: "name", subAttr: "givenName" }, value: "Kkom" },
        { op: "replace", path: { name: "name", subAttr: "familyName" }, value: "Unua" },
        { op: "replace", path: { schema: enterprise, name: "employeeNumber" }, value: "Aklq" },
      ],
    },
    {
      name: "Entra manager as a bare string id",
      body: patchOp({ op: "Add", path: `${enterprise}:manager`, value: "5f0c" }),
      operations: [{ op: "add", path: { schema: enterprise, name: "manager" }, value: { value: "5f0c" } }],
    },
    {
      name: "Entra manager, older docs: bare `manager` path and a one-element list with $ref",
      body: patchOp({ op: "Add", path: "manager", value: [{ $ref: "https://rollcall/scim/v2/Users/5f0c", value: "5f0c" }] }),
      operations: [{ op: "add", path: { schema: enterprise, name: "manager" }, value: { $ref: "https://rollcall/scim/v2/Users/5f0c", value: "5f0c" } }],
    },
    {
      name: "Entra manager removal",
      body: patchOp({ op: "Remove", path: `${enterprise}:manager` }),
      operations: [{ op: "remove", path: { schema: enterprise, name: "manager" } }],
    },
    {
      name: "Entra bundle: displayName, lowercase manager remove, active \"False\", an unmapped attribute and the id",
      body: patchOp(
        { op: "Replace", path: "displayName", value: "Alice S" },
        { op: "remove", path: `${enterprise}:manager` },
        { op: "Replace", path: "active", value: "False" },
        { op: "Replace", path: "roles", value: [{ value: "Admin" }] },
        { op: "Replace", path: "id", value: "whatever" },
      ),
      operations: [
        { op: "replace", path: { name: "displayName" }, value: "Alice S" },
        { op: "remove", path: { schema: enterprise, name: "manager" } },
        { op: "replace", path: { name: "active" }, value: false },
      ],
      ignored: ["roles", "id"],
    },
    {
      name: "Entra deactivation with the flag: a real boolean",
      body: patchOp({ op: "replace", path: "active", value: false }),
      operations: [{ op: "replace", path: { name: "active" }, value: false }],
    },
    {
      name: "Microsoft validator: replace with \"\" and null clears",
      body: patchOp(
        { op: "Replace", path: "title", value: "" },
        { op: "Replace", path: `${enterprise}:manager`, value: null },
        { op: "Replace", path: 'emails[type eq "work"].value', value: "" },
      ),
      operations: [
        { op: "remove", path: { name: "title" } },
        { op: "remove", path: { schema: enterprise, name: "manager" } },
        { op: "remove", path: { name: "emails", valueFilter: eq("type", "work"), subAttr: "value" } },
      ],
    },
    {
      name: "Okta deactivate",
      body: patchOp({ op: "replace", value: { active: false } }),
      operations: [{ op: "replace", path: { name: "active" }, value: false }],
    },
    {
      name: "Okta reactivate",
      body: patchOp({ op: "replace", value: { active: true } }),
      operations: [{ op: "replace", path: { name: "active" }, value: true }],
    },
    {
      name: "Okta password sync: accepted, never stored",
      body: patchOp({ op: "replace", value: { password: "s3cret" } }),
      operations: [],
      ignored: ["password"],
    },
    {
      name: "OneLogin-style strings: \"true\" and a manager object with managerId",
      body: patchOp({ op: "replace", value: { active: "true", [enterprise]: { manager: { value: "m1", managerId: "77", displayName: "Carol" } } } }),
      operations: [
        { op: "replace", path: { name: "active" }, value: true },
        { op: "replace", path: { schema: enterprise, name: "manager" }, value: { value: "m1" } },
      ],
      ignored: [`${enterprise}:manager.managerId`, `${enterprise}:manager.displayName`],
    },
    {
      name: "extension URN as the path; a null key in a no-path value becomes a remove",
      body: patchOp({ op: "add", path: enterprise, value: { department: "Ops" } }, { op: "replace", value: { nickName: null, title: "" } }),
      operations: [
        { op: "add", path: { schema: enterprise, name: "department" }, value: "Ops" },
        { op: "remove", path: { name: "nickName" } },
        { op: "remove", path: { name: "title" } },
      ],
    },
    {
      name: "odd casing of the envelope and operation keys",
      body: { OPERATIONS: [{ OP: "REPLACE", Path: "USERNAME", VALUE: "a@b.c" }] },
      operations: [{ op: "replace", path: { name: "userName" }, value: "a@b.c" }],
    },
    {
      name: "a single object for a multi-valued attribute becomes a list",
      body: patchOp({ op: "add", path: "emails", value: { value: "b@c.d", type: "home" } }),
      operations: [{ op: "add", path: { name: "emails" }, value: [{ value: "b@c.d", type: "home" }] }],
    },
    {
      name: "read-only and unknown paths are ignored, not errors",
      body: patchOp(
        { op: "replace", path: "meta.lastModified", value: "2024-01-01T00:00:00Z" },
        { op: "add", path: "groups", value: [{ value: "g1" }] },
        { op: "replace", path: "schemas", value: [urns.user] },
        { op: "remove", path: "favouriteColour" },
        { op: "replace", value: { schemas: [urns.user], "not a path!": 1, costCenter: "C1" } },
      ),
      operations: [{ op: "replace", path: { schema: enterprise, name: "costCenter" }, value: "C1" }],
      ignored: ["meta.lastModified", "groups", "schemas", "favouriteColour", "not a path!"],
    },
    {
      name: "adding no values adds nothing; something sent but all ignored changes nothing",
      body: patchOp({ op: "add", path: "emails", value: [] }, { op: "replace", path: "manager", value: { displayName: "Carol" } }),
      operations: [],
      ignored: [`${enterprise}:manager.displayName`],
    },
  ])("$name", ({ body, operations, ignored = [] }) => {
    const result = normalisePatch(body, userAttributes);
    expect(result.operations).toEqual(operations);
    expect(result.ignored).toEqual(ignored);
  });
});

describe("normalisePatch: group PATCHes as IdPs send them", () => {
  it.each<Case>([
    {
      name: "Entra member add with $ref: null",
      body: patchOp({ op: "Add", path: "members", value: [{ $ref: null, value: "u1" }] }),
      operations: [{ op: "add", path: { name: "members" }, value: [{ value: "u1" }] }],
    },
    {
      name: "Entra/JumpCloud member remove with a value list",
      body: patchOp({ op: "Remove", path: "members", value: [{ value: "u1" }] }),
      operations: [{ op: "remove", path: { name: "members" }, value: [{ value: "u1" }] }],
    },
    {
      name: "a remove with an empty value list removes nothing (it never clears the group)",
      body: patchOp({ op: "remove", path: "members", value: [] }),
      operations: [{ op: "remove", path: { name: "members" }, value: [] }],
    },
    {
      name: "Entra rename",
      body: patchOp({ op: "Replace", path: "displayName", value: "Sales EMEA" }),
      operations: [{ op: "replace", path: { name: "displayName" }, value: "Sales EMEA" }],
    },
    {
      name: "Okta rename, no schemas, id inside the value",
      body: { Operations: [{ op: "replace", value: { id: "0c5e", displayName: "New name" } }] },
      operations: [{ op: "replace", path: { name: "displayName" }, value: "New name" }],
      ignored: ["id"],
    },
    {
      name: "Okta remove by filter plus add in one request",
      body: {
        Operations: [
          { op: "remove", path: 'members[value eq "89bb1940"]' },
          { op: "add", path: "members", value: [{ value: "23a35c27", display: "test.user@okta.local" }] },
        ],
      },
      operations: [
        { op: "remove", path: { name: "members", valueFilter: eq("value", "89bb1940") } },
        { op: "add", path: { name: "members" }, value: [{ value: "23a35c27" }] },
      ],
      ignored: ["members.display"],
    },
    {
      name: "Okta full replace of members",
      body: patchOp({ op: "replace", path: "members", value: [{ value: "a" }, { value: "b", display: "B" }] }),
      operations: [{ op: "replace", path: { name: "members" }, value: [{ value: "a" }, { value: "b" }] }],
      ignored: ["members.display"],
    },
    {
      name: "replacing members with an empty list clears them",
      body: patchOp({ op: "replace", path: "members", value: [] }),
      operations: [{ op: "remove", path: { name: "members" } }],
    },
    {
      name: "user attributes on a group are unknown",
      body: patchOp({ op: "replace", path: "userName", value: "x" }, { op: "replace", path: "displayName", value: "G" }),
      operations: [{ op: "replace", path: { name: "displayName" }, value: "G" }],
      ignored: ["userName"],
    },
  ])("$name", ({ body, operations, ignored = [] }) => {
    const result = normalisePatch(body, groupAttributes);
    expect(result.operations).toEqual(operations);
    expect(result.ignored).toEqual(ignored);
  });
});

describe("normalisePatch: bad input", () => {
  it.each([
    { name: "body is not an object", body: "Operations", scimType: "invalidSyntax" },
    { name: "body is null", body: null, scimType: "invalidSyntax" },
    { name: "body is a list", body: [{ op: "add" }], scimType: "invalidSyntax" },
    { name: "Operations missing", body: { schemas: [urns.patchOp] }, scimType: "invalidSyntax" },
    { name: "Operations not a list", body: { Operations: { op: "add" } }, scimType: "invalidSyntax" },
    { name: "Operations empty", body: patchOp(), scimType: "invalidValue" },
    { name: "an operation that is not an object", body: patchOp("replace"), scimType: "invalidSyntax" },
    { name: "op move", body: patchOp({ op: "move", path: "title", value: "x" }), scimType: "invalidSyntax", detail: '"move"' },
    { name: "op missing", body: patchOp({ path: "title", value: "x" }), scimType: "invalidSyntax" },
    { name: "remove without path", body: patchOp({ op: "remove" }), scimType: "noTarget" },
    { name: "remove with an empty path", body: patchOp({ op: "Remove", path: "", value: [{ value: "u1" }] }), scimType: "noTarget" },
    { name: "path that is not a string", body: patchOp({ op: "remove", path: 3 }), scimType: "invalidPath" },
    { name: "path that does not parse", body: patchOp({ op: "remove", path: "emails[type eq]" }), scimType: "invalidPath" },
    { name: "filter on a single-valued attribute", body: patchOp({ op: "remove", path: 'name[givenName eq "A"]' }), scimType: "invalidPath" },
    { name: "no-path value that is not an object", body: patchOp({ op: "replace", value: "active=false" }), scimType: "invalidValue" },
    { name: "add with a path and no value", body: patchOp({ op: "add", path: "title" }), scimType: "invalidSyntax" },
    { name: "number for a string", body: patchOp({ op: "replace", path: "userName", value: 42 }), scimType: "invalidValue", detail: "userName must be a string" },
    { name: "non-boolean string for a boolean", body: patchOp({ op: "replace", path: "active", value: "no" }), scimType: "invalidValue", detail: "active must be true or false" },
    { name: "object for a string in a no-path value", body: patchOp({ op: "replace", value: { displayName: { a: 1 } } }), scimType: "invalidValue" },
    { name: "extension value that is not an object", body: patchOp({ op: "replace", value: { [enterprise]: "x" } }), scimType: "invalidValue" },
  ])("$name → 400 $scimType", ({ body, scimType, detail }) => {
    const error = scimError(() => normalisePatch(body, userAttributes));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe(scimType);
    if (detail) expect(error.detail).toContain(detail);
  });
});
