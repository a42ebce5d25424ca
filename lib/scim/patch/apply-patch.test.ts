import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScimError } from "../errors";
import { parsePatchPath } from "../filter/parse-filter";
import type { ScimDocument } from "../schemas/coerce-resource";
import { groupAttributes } from "../schemas/group-schema";
import { urns } from "../schemas/urns";
import { userAttributes } from "../schemas/user-schema";
import { applyPatch } from "./apply-patch";
import { normalisePatch } from "./normalise-patch";
import type { PatchOperation } from "./patch-operation";
import { scimError } from "@/test/scim-error";

const enterprise = urns.enterpriseUser;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A frozen sample user: applyPatch throws in strict mode if it writes to its input. */
const alice = (): ScimDocument =>
  deepFreeze({
    userName: "alice@contoso.com",
    displayName: "Alice Smith",
    name: { givenName: "Alice", familyName: "Smith", formatted: "Alice Smith" },
    active: true,
    emails: [{ value: "alice@contoso.com", type: "work", primary: true }],
    [enterprise]: { employeeNumber: "42", manager: { value: "mgr-1", $ref: "https://rollcall/scim/v2/Users/mgr-1" } },
  });

const op = (name: PatchOperation["op"], path: string, value?: unknown): PatchOperation => ({
  op: name,
  path: parsePatchPath(path),
  ...(value === undefined ? {} : { value }),
});

/** Runs a PATCH body the way the route does: normalise, then apply. */
const patch = (document: ScimDocument, Operations: unknown[], attributes = userAttributes) =>
  applyPatch(document, normalisePatch({ schemas: [urns.patchOp], Operations }, attributes).operations, attributes);


describe("applyPatch: real IdP PATCHes on a user", () => {
  it.each([
    {
      name: "Entra default PATCH",
      operations: [
        { op: "Replace", path: 'emails[type eq "work"].value', value: "alice.jones@contoso.com" },
        { op: "Replace", path: "name.familyName", value: "Jones" },
        { op: "Replace", path: `${enterprise}:employeeNumber`, value: "701984" },
        { op: "Add", path: "nickName", value: "Babs" },
      ],
      expected: {
        emails: [{ value: "alice.jones@contoso.com", type: "work", primary: true }],
        name: { givenName: "Alice", familyName: "Jones", formatted: "Alice Smith" },
        [enterprise]: { employeeNumber: "701984", manager: { value: "mgr-1", $ref: "https://rollcall/scim/v2/Users/mgr-1" } },
        nickName: "Babs",
      },
      changed: ["name.familyName", "nickName", "emails", `${enterprise}:employeeNumber`],
    },
    {
      name: "Entra aadOptscim062020 no-path replace with dotted keys",
      operations: [{ op: "replace", value: { displayName: "Bjfe", "name.givenName": "Kkom", [`${enterprise}:employeeNumber`]: "Aklq" } }],
      expected: {
        displayName: "Bjfe",
        name: { givenName: "Kkom", familyName: "Smith", formatted: "Alice Smith" },
        [enterprise]: { employeeNumber: "Aklq", manager: { value: "mgr-1", $ref: "https://rollcall/scim/v2/Users/mgr-1" } },
      },
      changed: ["displayName", "name.givenName", `${enterprise}:employeeNumber`],
    },
    {
      name: "Entra manager as a string id: the old $ref does not survive a new manager",
      operations: [{ op: "Add", path: `${enterprise}:manager`, value: "mgr-2" }],
      expected: { [enterprise]: { employeeNumber: "42", manager: { value: "mgr-2" } } },
      changed: [`${enterprise}:manager.value`, `${enterprise}:manager.$ref`],
    },
    {
      name: "Entra bundle: displayName, manager remove, active \"False\", unmapped roles",
      operations: [
        { op: "Replace", path: "displayName", value: "Alice S" },
        { op: "remove", path: `${enterprise}:manager` },
        { op: "Replace", path: "active", value: "False" },
        { op: "Replace", path: "roles", value: [] },
      ],
      expected: { displayName: "Alice S", active: false, [enterprise]: { employeeNumber: "42" } },
      changed: ["displayName", "active", `${enterprise}:manager.value`, `${enterprise}:manager.$ref`],
    },
    {
      name: "Entra Add for a work email the user does not have yet",
      operations: [
        { op: "Remove", path: 'emails[type eq "work"]' },
        { op: "Add", path: 'emails[type eq "work"].value', value: "new@contoso.com" },
      ],
      expected: { emails: [{ type: "work", value: "new@contoso.com" }] },
      changed: ["emails"],
    },
    {
      name: "Microsoft validator clears the work email with \"\"",
      operations: [{ op: "Replace", path: 'emails[type eq "work"].value', value: "" }],
      expected: { emails: undefined },
      changed: ["emails"],
    },
    {
      name: "Okta deactivate",
      operations: [{ op: "replace", value: { active: false } }],
      expected: { active: false },
      changed: ["active"],
    },
    {
      name: "Okta reactivate of an active user changes nothing",
      operations: [{ op: "replace", value: { active: true } }],
      expected: {},
      changed: [],
    },
    {
      name: "removing the last extension attributes removes the extension",
      operations: [
        { op: "remove", path: `${enterprise}:manager` },
        { op: "replace", path: `${enterprise}:employeeNumber`, value: null },
      ],
      expected: { [enterprise]: undefined },
      changed: [`${enterprise}:employeeNumber`, `${enterprise}:manager.value`, `${enterprise}:manager.$ref`],
    },
  ])("$name", ({ operations, expected, changed }) => {
    const before = alice();
    const result = patch(before, operations);
    const want: ScimDocument = { ...before, ...expected };
    for (const [key, value] of Object.entries(want)) if (value === undefined) delete want[key];
    expect(result.document).toEqual(want);
    expect([...result.changed].sort()).toEqual([...changed].sort());
  });
});

describe("applyPatch: RFC 7644 §3.5.2 semantics", () => {
  const apply = (...operations: PatchOperation[]) => applyPatch(alice(), operations, userAttributes);

  it("add on a single-valued attribute sets it", () => {
    expect(apply(op("add", "title", "CFO")).document.title).toBe("CFO");
  });

  it("add on a multi-valued attribute appends, without duplicating the same value and type", () => {
    const { document, changed } = apply(
      op("add", "emails", [
        { value: "ALICE@contoso.com", type: "work" },
        { value: "alice@home.example", type: "home" },
        { value: "alice@contoso.com", type: "other" },
      ]),
    );
    expect(document.emails).toEqual([
      { value: "ALICE@contoso.com", type: "work", primary: true },
      { value: "alice@home.example", type: "home" },
      { value: "alice@contoso.com", type: "other" },
    ]);
    expect(changed).toEqual(["emails"]);
  });

  it("adding a primary element takes primary from the others", () => {
    const { document } = apply(op("add", "emails", [{ value: "a@home.example", type: "home", primary: true }]));
    expect(document.emails).toEqual([
      { value: "alice@contoso.com", type: "work", primary: false },
      { value: "a@home.example", type: "home", primary: true },
    ]);
  });

  it("replace on a single complex attribute merges sub-attributes", () => {
    expect(apply(op("replace", "name", { givenName: "Alicia" })).document.name).toEqual({ givenName: "Alicia", familyName: "Smith", formatted: "Alice Smith" });
  });

  it("replace on a multi-valued attribute without filter replaces the list", () => {
    expect(apply(op("replace", "emails", [{ value: "x@y.z" }])).document.emails).toEqual([{ value: "x@y.z" }]);
  });

  it("replace with a filter merges the value into every matching element", () => {
    const before = deepFreeze({ userName: "u", phoneNumbers: [{ value: "1", type: "work" }, { value: "2", type: "mobile" }, { value: "3", type: "work" }] });
    const { document } = applyPatch(before, [op("replace", 'phoneNumbers[type eq "work"]', { value: "9", primary: true })], userAttributes);
    expect(document.phoneNumbers).toEqual([
      { value: "9", type: "work", primary: true },
      { value: "2", type: "mobile" },
      { value: "9", type: "work", primary: false },
    ]);
  });

  it("a filter that matches nothing makes a new element from its eq comparisons", () => {
    const { document } = apply(op("replace", 'addresses[type eq "work" and primary eq true].locality', "Oslo"));
    expect(document.addresses).toEqual([{ type: "work", primary: true, locality: "Oslo" }]);
  });

  it.each([
    ['emails[value co "@nowhere"].type', "home"],
    ['emails[type eq "home" or type eq "other"].value', "x@y.z"],
    ['emails[not (type eq "work")].value', "x@y.z"],
  ])("a filter that matches nothing and cannot make an element is noTarget: %s", (path, value) => {
    const error = scimError(() => apply(op("replace", path, value)));
    expect([error.status, error.scimType]).toEqual([400, "noTarget"]);
  });

  it("remove on a single-valued attribute unsets it", () => {
    const { document, changed } = apply(op("remove", "displayName"));
    expect(document).not.toHaveProperty("displayName");
    expect(changed).toEqual(["displayName"]);
  });

  it("remove of a sub-attribute of a single complex attribute", () => {
    expect(apply(op("remove", "name.formatted")).document.name).toEqual({ givenName: "Alice", familyName: "Smith" });
  });

  it("remove with a value list removes only the listed elements", () => {
    const before = deepFreeze({ userName: "u", emails: [{ value: "a@x" }, { value: "b@x" }, { value: "c@x" }] });
    const { document } = applyPatch(before, [op("remove", "emails", [{ value: "B@x" }, { value: "not-there" }])], userAttributes);
    expect(document.emails).toEqual([{ value: "a@x" }, { value: "c@x" }]);
  });

  it("remove with an empty value list removes nothing", () => {
    expect(apply(op("remove", "emails", [])).changed).toEqual([]);
  });

  it("remove without value or filter clears the list", () => {
    expect(apply(op("remove", "emails")).document).not.toHaveProperty("emails");
  });

  it("remove with a filter removes the matching elements; no match is not an error", () => {
    const before = deepFreeze({ userName: "u", emails: [{ value: "a@x", type: "work" }, { value: "b@x", type: "home" }] });
    expect(applyPatch(before, [op("remove", 'emails[type eq "work"]')], userAttributes).document.emails).toEqual([{ value: "b@x", type: "home" }]);
    expect(applyPatch(before, [op("remove", 'emails[type eq "other"]')], userAttributes).changed).toEqual([]);
  });

  it("remove with a filter and a sub-attribute unsets it on matching elements", () => {
    const before = deepFreeze({ userName: "u", addresses: [{ type: "work", locality: "Oslo", country: "NO" }, { type: "home", locality: "Bergen" }] });
    const { document } = applyPatch(before, [op("remove", 'addresses[type eq "work"].locality'), op("remove", 'addresses[type eq "home"].locality')], userAttributes);
    // The home address is left with nothing but its type, so it goes.
    expect(document.addresses).toEqual([{ type: "work", country: "NO" }]);
  });

  it.each([op("remove", "userName"), op("remove", "urn:ietf:params:scim:schemas:core:2.0:User:userName")])("a required attribute cannot be removed", (operation) => {
    const error = scimError(() => apply(operation));
    expect([error.status, error.scimType]).toEqual([400, "invalidValue"]);
    expect(error.detail).toContain("userName is required");
  });

  it("replacing userName with \"\" is a removal, so it fails too", () => {
    const error = scimError(() => patch(alice(), [{ op: "Replace", path: "userName", value: "" }]));
    expect(error.scimType).toBe("invalidValue");
  });

  it("refuses paths normalisePatch would have dropped", () => {
    expect(scimError(() => apply(op("replace", "id", "x"))).scimType).toBe("mutability");
    expect(scimError(() => apply(op("replace", "favouriteColour", "x"))).scimType).toBe("invalidPath");
    expect(scimError(() => apply({ op: "replace", value: { active: false } })).scimType).toBe("noTarget");
  });

  it("does not keep references to the operations' values", () => {
    const value = [{ value: "n@x", type: "home", primary: true }];
    const { document } = apply(op("add", "emails", value));
    expect(value).toEqual([{ value: "n@x", type: "home", primary: true }]);
    expect((document.emails as unknown[])[1]).not.toBe(value[0]);
  });
});

describe("applyPatch: groups", () => {
  const sales = () => deepFreeze({ displayName: "Sales", externalId: "8aa1" });

  it("Okta rename repeating the current name (with id in the value) changes nothing", () => {
    const result = patch(sales(), [{ op: "replace", value: { id: "0c5e", displayName: "Sales" } }], groupAttributes);
    expect(result).toEqual({ document: { displayName: "Sales", externalId: "8aa1" }, changed: [] });
  });

  it("Okta rename", () => {
    expect(patch(sales(), [{ op: "replace", value: { id: "0c5e", displayName: "Sales EMEA" } }], groupAttributes).changed).toEqual(["displayName"]);
  });

  it("displayName is required", () => {
    expect(scimError(() => patch(sales(), [{ op: "remove", path: "displayName" }], groupAttributes)).scimType).toBe("invalidValue");
  });
});

describe("applyPatch: property", () => {
  const paths = [
    "userName",
    "USERNAME",
    "displayName",
    "name",
    "name.givenName",
    "emails",
    'emails[type eq "work"].value',
    'emails[type eq "home"]',
    'emails[value co "contoso"].primary',
    'emails[value co "x"].type',
    "phoneNumbers",
    'addresses[type eq "work"].locality',
    "active",
    `${enterprise}:employeeNumber`,
    `${enterprise}:manager`,
    "manager.value",
    enterprise,
    "members",
    "groups",
    "id",
    "meta.created",
    "schemas",
    "bogus",
    "name[givenName eq \"A\"]",
    "emails[",
    "",
  ];
  const values = [
    "x",
    "",
    null,
    42,
    true,
    "False",
    { value: "a@b.c", type: "work", primary: true },
    [{ value: "a@b.c", type: "work" }],
    [],
    [1, 2],
    { givenName: "G" },
    { active: false, displayName: "D" },
    { userName: "" },
    { userName: "new@contoso.com", "name.familyName": null },
    { [enterprise]: { manager: "m2" } },
    [{ $ref: null, value: "m3" }],
  ];
  // Mostly well-formed operations, so that sequences often get through to applyPatch.
  const operation = fc.record(
    {
      op: fc.oneof(
        { arbitrary: fc.constantFrom("add", "replace", "remove", "Add", "Replace", "Remove"), weight: 30 },
        { arbitrary: fc.constant("move"), weight: 1 },
      ),
      path: fc.constantFrom(...paths),
      value: fc.constantFrom(...values),
    },
    { requiredKeys: ["op", "value"] },
  );

  it("either fails with a 400 or keeps a non-empty userName, never touching its input", () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 4 }), (operations) => {
        const before = alice();
        const snapshot = JSON.stringify(before);
        try {
          const { document } = patch(before, operations);
          expect(typeof document.userName).toBe("string");
          expect(document.userName).not.toBe("");
        } catch (error) {
          if (!(error instanceof ScimError)) throw error;
          expect(error.status).toBe(400);
        }
        expect(JSON.stringify(before)).toBe(snapshot);
      }),
      { numRuns: 500 },
    );
  });
});
