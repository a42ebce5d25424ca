import { describe, expect, it } from "vitest";
import { findAttribute } from "./attribute";
import { coerceAttributeValue, coerceResource } from "./coerce-resource";
import { groupAttributes } from "./group-schema";
import { urns } from "./urns";
import { userAttributes } from "./user-schema";
import { scimError } from "@/test/scim-error";

const enterprise = urns.enterpriseUser;


describe("coerceResource: real POST and PUT bodies", () => {
  it.each([
    {
      name: "Entra POST with nulls, meta, roles:[] and a malformed schema URN",
      body: {
        schemas: [urns.user, "urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
        externalId: "alice",
        userName: "alice@contoso.com",
        active: true,
        displayName: "Alice Smith",
        emails: [{ primary: true, type: "work", value: "alice@contoso.com" }],
        meta: { resourceType: "User" },
        name: { formatted: "Alice Smith", familyName: "Smith", givenName: "Alice" },
        roles: [],
        title: null,
        phoneNumbers: null,
        addresses: null,
      },
      document: {
        externalId: "alice",
        userName: "alice@contoso.com",
        active: true,
        displayName: "Alice Smith",
        emails: [{ primary: true, type: "work", value: "alice@contoso.com" }],
        name: { formatted: "Alice Smith", familyName: "Smith", givenName: "Alice" },
      },
      ignored: ["schemas", "meta", "roles", "title", "phoneNumbers", "addresses"],
    },
    {
      name: "Okta POST with a password and groups:[]",
      body: {
        schemas: [urns.user],
        userName: "test.user@okta.local",
        name: { givenName: "Test", familyName: "User" },
        emails: [{ primary: true, value: "test.user@okta.local", type: "work" }],
        displayName: "Test User",
        locale: "en-US",
        externalId: "00ujl29u0le5T6Aj10h7",
        groups: [],
        password: "1mz050nq",
        active: true,
      },
      document: {
        userName: "test.user@okta.local",
        name: { givenName: "Test", familyName: "User" },
        emails: [{ primary: true, value: "test.user@okta.local", type: "work" }],
        displayName: "Test User",
        locale: "en-US",
        externalId: "00ujl29u0le5T6Aj10h7",
        active: true,
      },
      ignored: ["schemas", "groups", "password"],
    },
    {
      name: "Okta PUT (read-modify-write) with id, meta and groups",
      body: {
        schemas: [urns.user],
        id: "0b3c",
        userName: "test.user@okta.local",
        active: false,
        meta: { resourceType: "User", created: "2024-01-01T00:00:00Z" },
        groups: [{ value: "g1", display: "Sales" }],
      },
      document: { userName: "test.user@okta.local", active: false },
      ignored: ["schemas", "id", "meta", "groups"],
    },
    {
      name: "OneLogin template: string booleans, empty parameters, manager with managerId",
      body: {
        schemas: [urns.user, enterprise],
        userName: "bob@example.com",
        active: "true",
        title: "",
        name: { givenName: "Bob", familyName: "" },
        emails: [{ value: "bob@example.com", type: "work", primary: "True" }],
        [enterprise]: { department: "Sales", manager: { value: "mgr-1", displayName: "Carol", managerId: "77" } },
      },
      document: {
        userName: "bob@example.com",
        active: true,
        name: { givenName: "Bob" },
        emails: [{ value: "bob@example.com", type: "work", primary: true }],
        [enterprise]: { department: "Sales", manager: { value: "mgr-1" } },
      },
      ignored: ["schemas", "title", `${enterprise}:manager.displayName`, `${enterprise}:manager.managerId`],
    },
    {
      name: "URN-qualified top-level keys, any casing",
      body: {
        USERNAME: "x@example.com",
        [`${enterprise}:employeeNumber`]: "701984",
        [`${urns.user}:displayName`]: "X",
        "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:Manager": "mgr-2",
      },
      document: { userName: "x@example.com", displayName: "X", [enterprise]: { employeeNumber: "701984", manager: { value: "mgr-2" } } },
      ignored: [],
    },
    {
      name: "extension object under a differently cased URN; manager as a one-element list",
      body: {
        userName: "y@example.com",
        [enterprise.toUpperCase()]: { EmployeeNumber: "9", manager: [{ $ref: null, value: "mgr-3" }], favouriteColour: "blue" },
      },
      document: { userName: "y@example.com", [enterprise]: { employeeNumber: "9", manager: { value: "mgr-3" } } },
      ignored: [`${enterprise}:favouriteColour`],
    },
    {
      name: "a single object for a multi-valued attribute; values kept verbatim",
      body: { userName: "z@example.com", phoneNumbers: { value: " +1 (555) 0100 ", type: "work" }, emails: "z@example.com" },
      document: { userName: "z@example.com", phoneNumbers: [{ value: " +1 (555) 0100 ", type: "work" }], emails: [{ value: "z@example.com" }] },
      ignored: [],
    },
    {
      name: "an empty list is no values, not something ignored",
      body: { userName: "e@example.com", emails: [], addresses: [null] },
      document: { userName: "e@example.com" },
      ignored: ["addresses"],
    },
  ])("$name", ({ body, document, ignored }) => {
    const result = coerceResource(body, userAttributes);
    expect(result.document).toEqual(document);
    expect([...result.ignored].sort()).toEqual([...ignored].sort());
  });

  it("Entra group POST: second schema URN, meta, no members", () => {
    const body = {
      schemas: [urns.group, "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
      externalId: "8aa1a0c0",
      displayName: "Sales",
      meta: { resourceType: "Group" },
    };
    expect(coerceResource(body, groupAttributes)).toEqual({
      document: { externalId: "8aa1a0c0", displayName: "Sales" },
      ignored: ["schemas", "meta"],
    });
  });

  it("group members keep value and type, drop the read-only display and a null $ref", () => {
    const body = { displayName: "Eng", members: [{ value: "u1", display: "Ann", $ref: null }, { value: "g2", type: "Group" }] };
    expect(coerceResource(body, groupAttributes)).toEqual({
      document: { displayName: "Eng", members: [{ value: "u1" }, { value: "g2", type: "Group" }] },
      ignored: ["members.display"],
    });
  });

  it("never lists a password's value", () => {
    const { ignored } = coerceResource({ userName: "p@example.com", password: "hunter2" }, userAttributes);
    expect(ignored).toEqual(["password"]);
    expect(JSON.stringify(ignored)).not.toContain("hunter2");
  });
});

describe("coerceResource: bad input", () => {
  it.each([
    { name: "null body", body: null, scimType: "invalidSyntax" },
    { name: "array body", body: [{ userName: "a" }], scimType: "invalidSyntax" },
    { name: "string body", body: "userName=a", scimType: "invalidSyntax" },
    { name: "number for a string", body: { userName: 42 }, scimType: "invalidValue", detail: "userName must be a string" },
    { name: "object for a string", body: { displayName: { text: "A" } }, scimType: "invalidValue", detail: "displayName must be a string" },
    { name: "non-boolean string", body: { active: "yes" }, scimType: "invalidValue", detail: "active must be true or false" },
    { name: "number for a boolean", body: { active: 1 }, scimType: "invalidValue", detail: "active must be true or false" },
    { name: "string for a complex without value", body: { name: "Alice Smith" }, scimType: "invalidValue", detail: "name must be an object" },
    { name: "two managers", body: { manager: [{ value: "a" }, { value: "b" }] }, scimType: "invalidValue", detail: "manager takes a single value" },
    { name: "number inside an element", body: { emails: [{ value: 7 }] }, scimType: "invalidValue", detail: "emails.value must be a string" },
    { name: "extension that is not an object", body: { [enterprise]: "x" }, scimType: "invalidValue", detail: `${enterprise} must be an object` },
  ])("$name → 400 $scimType", ({ body, scimType, detail }) => {
    const error = scimError(() => coerceResource(body, userAttributes));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe(scimType);
    if (detail) expect(error.detail).toContain(detail);
  });
});

describe("coerceAttributeValue", () => {
  const attribute = (name: string) => {
    const found = findAttribute(userAttributes.core, name) ?? findAttribute(userAttributes.extensions[enterprise], name);
    if (!found) throw new Error(`no attribute ${name}`);
    return found;
  };

  it.each([
    { name: "active", value: "False", expected: false },
    { name: "active", value: "TRUE", expected: true },
    { name: "active", value: false, expected: false },
    { name: "active", value: "", expected: undefined },
    { name: "manager", value: "mgr", expected: { value: "mgr" } },
    { name: "manager", value: [{ $ref: "https://x/Users/mgr", value: "mgr" }], expected: { $ref: "https://x/Users/mgr", value: "mgr" } },
    { name: "manager", value: { value: "mgr", $ref: null }, expected: { value: "mgr" } },
    { name: "manager", value: [], expected: undefined },
    { name: "emails", value: { value: "a@b.c" }, expected: [{ value: "a@b.c" }] },
    { name: "emails", value: [null, { value: "" }], expected: undefined },
  ])("$name ← $value", ({ name, value, expected }) => {
    expect(coerceAttributeValue(attribute(name), value, name).value).toEqual(expected);
  });

  it("coerces one element when told the attribute is single-valued", () => {
    const emails = attribute("emails");
    expect(coerceAttributeValue({ ...emails, multiValued: false }, { value: "a@b.c", type: "work" }, "emails").value).toEqual({ value: "a@b.c", type: "work" });
  });
});
