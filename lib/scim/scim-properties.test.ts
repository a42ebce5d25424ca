import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { seedAcme } from "@/test/acme";
import { resetDatabase, setUpTestDatabase } from "@/test/database";
import { createScimDirectory, type ScimClient, type ScimReply } from "@/test/scim";

// These properties send hundreds of requests a second to one directory; the rate limiter is not
// what they test. env() reads process.env once, on first use, which happens after this line.
process.env.SCIM_RATE_LIMIT = "1000000";

const database = setUpTestDatabase();
const enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const unknownId = "3f0c6a9e-2b7d-4c1e-8f5a-9d8e7c6b5a41";
const numRuns = 120;
/** A few seconds on an idle machine; generous so a loaded CI runner does not time out. */
const propertyTimeout = 60_000;

let client: ScimClient;

type Fixture = { alice: string; bob: string; carol: string; group: string; child: string; other: string };
let ids: Fixture;

beforeAll(() => {
  expect(env().SCIM_RATE_LIMIT).toBe(1_000_000);
});

beforeEach(async () => {
  const { db } = database();
  await resetDatabase(db);
  const { workspaceId } = await seedAcme(db);
  ({ client } = await createScimDirectory(db, workspaceId, "generic"));
  const user = async (name: string) => {
    const reply = await client.post("/Users", {
      userName: `${name}@acme.test`,
      displayName: name,
      name: { givenName: name, familyName: "Prop" },
      emails: [{ primary: true, type: "work", value: `${name}@acme.test` }],
      phoneNumbers: [{ type: "mobile", value: "+1 555 0100" }],
      active: true,
    });
    expect(reply.status).toBe(201);
    return String(reply.body.id);
  };
  const group = async (displayName: string, members: string[]) => {
    const reply = await client.post("/Groups", { displayName, members: members.map((value) => ({ value })) });
    expect(reply.status).toBe(201);
    return String(reply.body.id);
  };
  const [alice, bob, carol] = [await user("alice"), await user("bob"), await user("carol")];
  const child = await group("Child", [bob]);
  const other = await group("Other", []);
  ids = { alice, bob, carol, child, other, group: await group("Target", [alice, carol]) };
});

/** Values are picked lazily, because the ids only exist once beforeEach has run. */
type Lazy<T> = (f: Fixture) => T;
const lazy = <T>(...values: Array<T | Lazy<T>>): fc.Arbitrary<Lazy<T>> =>
  fc.constantFrom(...values).map((v) => (typeof v === "function" ? (v as Lazy<T>) : () => v));

// ---------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------

const filterAttributes = [
  "userName", "displayName", "title", "externalId", "id", "active", "emails", "emails.value", "emails.type", "emails.primary",
  "name.givenName", "name", "meta.lastModified", "meta.created", "meta", "phoneNumbers.value", "addresses.locality", "groups",
  "groups.value", "manager", `${enterprise}:manager`, `${enterprise}:department`, `${enterprise}:manager.value`,
  "urn:ietf:params:scim:schemas:core:2.0:User:userName", "password", "members", "shoeSize", "$ref", "name.nope", "a.b.c", "urn:x",
];
const filterOps = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "EQ", "Co", "equals", "==", "in"];
const filterValues = [
  '"alice@acme.test"', '"ALICE@ACME.TEST"', '""', '"@acme"', "true", "false", "True", "null", "42", "-1.5e3", "1e999", "0",
  '"2024-05-01T00:00:00Z"', '"2024-02-30"', '"2024-05-01T25:00:00+14:00"', `"${unknownId}"`, '"not-a-uuid"', '"a\\"b"',
  '"%_\\\\"', '"ü😀"', '"a\u0000b"', '"\\u0000"', '"unterminated', "'single'", "bare", "[", "]", "(", ")",
];

/** Comparisons that make sense for the attribute's type, so that many filters are valid and run as SQL. */
const wellTyped = {
  "/Users": {
    strings: ["userName", "displayName", "title", "externalId", "emails", "emails.value", "emails.type", "name.givenName", "phoneNumbers.value",
      "addresses.locality", `${enterprise}:department`, `${enterprise}:manager`, "manager", "groups.display"],
    booleans: ["active", "emails.primary"],
    dates: ["meta.lastModified", "meta.created"],
    ids: ["id", "groups.value", "groups", `${enterprise}:manager.value`],
    valuePaths: ["emails", "phoneNumbers", "addresses", "groups"],
  },
  "/Groups": {
    strings: ["displayName", "externalId", "members.display", "members.type"],
    booleans: [],
    dates: ["meta.lastModified", "meta.created"],
    ids: ["id", "members", "members.value"],
    valuePaths: ["members"],
  },
} as const;
type Collection = keyof typeof wellTyped;

const stringLiterals = ['"alice@acme.test"', '"ALICE@acme.test"', '"a"', '""', '"@acme"', '"work"', '"User"', '"Target"', '"%"', '"_"', '"a\\"b"', '"ü😀"'];
const idLiterals = (f: Fixture) => [f.alice, f.bob, f.carol, f.group, f.child, unknownId].map((id) => `"${id}"`).concat('"not-a-uuid"');

function typedComparison(collection: Collection): fc.Arbitrary<Lazy<string>> {
  const pools = wellTyped[collection];
  const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
  const arms: Array<fc.Arbitrary<Lazy<string>>> = [
    fc.tuple(pick(pools.strings), pick(["eq", "ne", "co", "sw", "ew", "gt", "le"]), pick(stringLiterals)).map((parts) => () => parts.join(" ")),
    fc.tuple(pick(pools.dates), pick(["gt", "ge", "lt", "le", "eq"]), pick(['"2020-01-01T00:00:00Z"', '"2999-12-31"', '"2024-05-01T12:00:00+02:00"']))
      .map((parts) => () => parts.join(" ")),
    fc.tuple(pick(pools.ids), pick(["eq", "ne"]), fc.nat(6)).map(([a, op, i]) => (f: Fixture) => `${a} ${op} ${idLiterals(f)[i]}`),
    fc.tuple(pick([...pools.strings, ...pools.dates, ...pools.ids]), fc.constant("pr")).map((parts) => () => parts.join(" ")),
  ];
  if (pools.booleans.length > 0) {
    arms.push(fc.tuple(pick(pools.booleans), pick(["eq", "ne"]), pick(["true", "false", "True"])).map((parts) => () => parts.join(" ")));
  }
  return fc.oneof(...arms);
}

/** Comparisons with any attribute, operator and literal: mostly wrong in some way. */
const messyComparison = fc.oneof(
  fc.tuple(fc.constantFrom(...filterAttributes), fc.constantFrom(...filterOps), fc.constantFrom(...filterValues)).map((parts) => parts.join(" ")),
  fc.constantFrom(...filterAttributes).map((a) => `${a} pr`),
);

function structuredFilter(collection: Collection): fc.Arbitrary<Lazy<string>> {
  const comparison = fc.oneof(
    { weight: 3, arbitrary: typedComparison(collection) },
    { weight: 1, arbitrary: messyComparison.map((c) => () => c) },
  );
  const { filter } = fc.letrec<{ filter: Lazy<string> }>((tie) => ({
    filter: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      comparison,
      fc.tuple(tie("filter"), fc.constantFrom("and", "or", "AND", "Or"), tie("filter")).map(([l, op, r]) => (f: Fixture) => `${l(f)} ${op} ${r(f)}`),
      tie("filter").map((inner) => (f: Fixture) => `not (${inner(f)})`),
      tie("filter").map((inner) => (f: Fixture) => `(${inner(f)})`),
      fc.tuple(fc.constantFrom(...wellTyped[collection].valuePaths, "name", "userName"), typedComparison(collection))
        .map(([a, c]) => (f: Fixture) => `${a}[${c(f).replace(/^[^ ]*\./, "")}]`),
      fc.tuple(typedComparison("/Users"), fc.constantFrom(".value", ".type", "", ".nope"))
        .map(([c, sub]) => (f: Fixture) => `emails[${c(f).replace(/^[^ ]*\./, "")}]${sub} eq "alice@acme.test"`),
    ),
  }));
  return filter;
}

const tokenSoup = fc
  .array(fc.constantFrom(...filterAttributes, ...filterOps, ...filterValues, "and", "or", "not", "pr", "[", "]", "(", ")", ".", ",", "\t", "\n"), {
    maxLength: 12,
  })
  .map((tokens) => tokens.join(" "));

const collectionAndFilter = fc.constantFrom<Collection>("/Users", "/Groups").chain((collection) =>
  fc.tuple(
    fc.constant(collection),
    fc.oneof(
      { weight: 4, arbitrary: structuredFilter(collection) },
      { weight: 1, arbitrary: fc.oneof(tokenSoup, fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 })).map((t) => () => t) },
    ),
  ),
);

describe("Filters never break the server", () => {
  it("answers every filter on /Users and /Groups with 200 or a 400 SCIM error, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(collectionAndFilter, async ([collection, makeFilter]) => {
        const filter = makeFilter(ids);
        const reply = await client.get(`${collection}?filter=${encodeURIComponent(filter)}`);
        expect(reply.status, `${collection} ${filter} → ${JSON.stringify(reply.body)}`).toBeLessThan(500);
        expect([200, 400]).toContain(reply.status);
        if (reply.status === 400) expect(reply.body).toMatchObject({ status: "400", schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"] });
        else expect(typeof reply.body.totalResults).toBe("number");
      }),
      { numRuns: 200 },
    );
  }, propertyTimeout);
});

// ---------------------------------------------------------------------------------------------
// PATCH documents
// ---------------------------------------------------------------------------------------------

const opNames = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>("add", "replace", "remove", "Add", "Replace", "Remove", "REPLACE") },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("move", "", 7, null, undefined) },
);

function operation(paths: fc.Arbitrary<Lazy<unknown>>, values: fc.Arbitrary<Lazy<unknown>>) {
  return fc.record({ op: opNames, path: paths, value: values, valueKey: fc.constantFrom("value", "Value", "values") }).map(
    ({ op, path, value, valueKey }) =>
      (f: Fixture): unknown => {
        const raw: Record<string, unknown> = {};
        if (op !== undefined) raw.op = op;
        const p = path(f);
        if (p !== undefined) raw.path = p;
        const v = value(f);
        if (v !== undefined) raw[valueKey] = v;
        return raw;
      },
  );
}

function patchDocument(operations: fc.Arbitrary<Lazy<unknown>>) {
  const junkOperation = lazy<unknown>(null, "replace", [], 42, {});
  const list = fc.array(fc.oneof({ weight: 19, arbitrary: operations }, { weight: 1, arbitrary: junkOperation }), { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { weight: 12, arbitrary: list.map((ops) => (f: Fixture) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: ops.map((o) => o(f)) })) },
    { weight: 1, arbitrary: list.map((ops) => (f: Fixture) => ({ operations: ops.map((o) => o(f)) })) },
    { weight: 1, arbitrary: lazy<unknown>({}, { Operations: [] }, { Operations: "replace" }, [], "Operations", null, undefined, '{"Operations": [') },
  );
}

const userPaths = lazy<unknown>(
  undefined, "", "userName", "displayName", "title", "nickName", "active", "externalId", "name", "name.givenName", "name.familyName",
  "emails", 'emails[type eq "work"].value', 'emails[type eq "work"]', 'emails[value co "@"]', 'emails[primary eq true].type',
  "phoneNumbers", 'phoneNumbers[type eq "mobile"].value', "addresses", 'addresses[type eq "work"].locality',
  `${enterprise}:manager`, `${enterprise}:department`, `${enterprise}:manager.value`, enterprise, "manager",
  "urn:ietf:params:scim:schemas:core:2.0:User:displayName", "id", "meta.lastModified", "meta", "groups", "password", "roles",
  "shoeSize", "emails[", "emails[type eq \"work\"].nope", "name..givenName", "userName[value eq \"x\"]", "urn:custom:ext:x", 42,
);
const userValues = lazy<unknown>(
  undefined, null, "", "x", "False", "true", true, false, 0, 42, [], {}, "a@gmail.com", "new.name@acme.test", "bob@acme.test",
  "x".repeat(3000), [{ value: "second@acme.test", type: "work", primary: true }], [{ value: "x" }, { value: "y", type: "work" }],
  [{ type: "home" }], { givenName: "G", familyName: 5 }, { givenName: "G", nope: "n" }, { active: false }, { active: "maybe" },
  { displayName: "D", "name.givenName": "X", [`${enterprise}:employeeNumber`]: "1" }, { userName: "" }, { userName: "renamed@acme.test" },
  { [enterprise]: { department: "R&D", manager: "nobody" } }, { "emails[type eq \"work\"].value": "w@acme.test" }, { "bad path[": 1 },
  (f: Fixture) => f.carol, (f: Fixture) => ({ value: f.carol }), (f: Fixture) => [{ value: f.carol, $ref: null }], (f: Fixture) => f.alice, unknownId, "not-a-uuid",
  (f: Fixture) => ({ id: f.alice, displayName: "Same id" }), [{ value: "+1 555 0199", type: "mobile" }], [{ locality: "Paris", type: "work" }],
);

const groupPaths = lazy<unknown>(
  undefined, "", "members", "Members", (f: Fixture) => `members[value eq "${f.alice}"]`, (f: Fixture) => `members[value eq "${f.alice}" or value eq "${f.carol}"]`,
  'members[type eq "Group"]', 'members[display co "a"]', "members.value", 'members[value eq "x"].display', "members[",
  "displayName", "externalId", "id", "meta", "shoeSize", "urn:ietf:params:scim:schemas:core:2.0:Group:displayName", 7,
);
const groupValues = lazy<unknown>(
  undefined, null, "", "x", [], {}, [{}], [{ value: 5 }], [{ value: "not-a-uuid" }], [{ value: unknownId }],
  (f: Fixture) => [{ value: f.bob }], (f: Fixture) => [{ value: f.bob, $ref: null }], (f: Fixture) => [{ value: f.alice }, { value: f.carol }], (f: Fixture) => [{ value: f.child }],
  (f: Fixture) => [{ value: f.group }], (f: Fixture) => ({ value: f.bob }), (f: Fixture) => [{ value: f.bob }, { value: unknownId }], "Renamed", "Other", "  ",
  { displayName: "Renamed" }, { displayName: "" }, { displayName: "other" }, (f: Fixture) => ({ id: f.group, displayName: "Target" }),
  (f: Fixture) => ({ id: f.group, displayName: "Renamed again" }), (f: Fixture) => ({ members: [{ value: f.bob }] }), { externalId: "ext-1" },
);

/** Operations as IdPs send them (Entra, Okta, OneLogin shapes), most of them valid. */
const userIdpOperations = lazy<unknown>(
  { op: "Replace", path: "displayName", value: "Alice Renamed" },
  { op: "replace", path: "title", value: "CTO" },
  { op: "Add", path: "nickName", value: "Al" },
  { op: "Replace", path: "active", value: "False" },
  { op: "Replace", path: "active", value: "True" },
  { op: "replace", value: { active: false } },
  { op: "replace", value: { active: true } },
  { op: "Replace", path: 'emails[type eq "work"].value', value: "alice.new@acme.test" },
  { op: "replace", path: "name.familyName", value: "Jones" },
  { op: "replace", value: { displayName: "Bj", "name.givenName": "Kk", [`${enterprise}:employeeNumber`]: "701984" } },
  (f: Fixture) => ({ op: "Add", path: `${enterprise}:manager`, value: f.carol }),
  (f: Fixture) => ({ op: "replace", path: `${enterprise}:manager`, value: [{ value: f.carol, $ref: null }] }),
  { op: "Remove", path: `${enterprise}:manager` },
  { op: "remove", path: "title" },
  { op: "remove", path: 'phoneNumbers[type eq "mobile"]' },
  { op: "add", path: "phoneNumbers", value: [{ type: "work", value: "+1 555 0101" }] },
  { op: "replace", path: 'addresses[type eq "work"].locality', value: "Paris" },
  { op: "replace", path: "userName", value: "alice@acme.test" },
  { op: "replace", path: "userName", value: "alice.smith@acme.test" },
  { op: "replace", path: "id", value: unknownId },
  { op: "replace", path: "meta.lastModified", value: "2001-01-01T00:00:00Z" },
  { op: "add", path: "roles", value: [{ value: "Admin" }] },
  { op: "replace", value: { password: "n3w-Passw0rd" } },
  { op: "Replace", path: "title", value: "" },
  { op: "Replace", path: "nickName", value: null },
);

const groupIdpOperations = lazy<unknown>(
  (f: Fixture) => ({ op: "Add", path: "members", value: [{ $ref: null, value: f.bob }] }),
  (f: Fixture) => ({ op: "Remove", path: "members", value: [{ value: f.alice }] }),
  (f: Fixture) => ({ op: "remove", path: `members[value eq "${f.carol}"]` }),
  (f: Fixture) => ({ op: "add", path: "members", value: [{ value: f.alice, display: "alice" }] }),
  (f: Fixture) => ({ op: "replace", path: "members", value: [{ value: f.bob }, { value: f.child }] }),
  (f: Fixture) => ({ op: "replace", value: { id: f.group, displayName: "Target" } }),
  (f: Fixture) => ({ op: "replace", value: { id: f.group, displayName: "Target renamed" } }),
  { op: "Replace", path: "displayName", value: "Target" },
  { op: "replace", path: "externalId", value: "8aa1a0c0" },
  { op: "remove", path: 'members[type eq "Group"]' },
  (f: Fixture) => ({ op: "Add", path: "members", value: [{ value: f.child }] }),
);

/** Documents whose operations are mostly IdP-shaped, with some random ones mixed in. */
function patchArbitrary(idp: fc.Arbitrary<Lazy<unknown>>, paths: fc.Arbitrary<Lazy<unknown>>, values: fc.Arbitrary<Lazy<unknown>>) {
  return patchDocument(fc.oneof({ weight: 3, arbitrary: idp }, { weight: 1, arbitrary: operation(paths, values) }));
}

/** A comparable view of a GET reply. */
const snapshot = (reply: ScimReply) => ({ status: reply.status, body: reply.body, etag: reply.headers.get("etag") });

/** PATCHes `path` and checks what holds for every document: no 5xx, and a refused PATCH leaves the resource exactly as it was. */
async function patchAllOrNothing(path: string, body: unknown) {
  const before = snapshot(await client.get(path));
  const reply = await client.patch(path, body);
  const context = `${JSON.stringify(body)} → ${reply.status} ${JSON.stringify(reply.body)}`;
  expect(reply.status, context).toBeLessThan(500);
  const after = snapshot(await client.get(path));
  expect(after.status, context).toBe(200);
  if (reply.status >= 400) {
    expect(reply.body, context).toMatchObject({ status: String(reply.status) });
    expect(after, context).toEqual(before);
  }
  return { reply, after, context };
}

describe("PATCH is all or nothing and never breaks the server", () => {
  it("PATCH /Users/{id}: < 500 always; a failure changes nothing; a success leaves a userName and answers what GET reads", async () => {
    await fc.assert(
      fc.asyncProperty(patchArbitrary(userIdpOperations, userPaths, userValues), async (document) => {
        const { reply, after, context } = await patchAllOrNothing(`/Users/${ids.alice}`, document(ids));
        if (reply.status < 400) {
          expect(reply.status, context).toBe(200);
          expect(typeof after.body.userName).toBe("string");
          expect(String(after.body.userName).trim(), context).not.toBe("");
          expect(after.body, context).toEqual(reply.body);
        }
      }),
      { numRuns },
    );
  }, propertyTimeout);

  it("PATCH /Groups/{id}: < 500 always; a failure changes nothing; a success leaves a displayName", async () => {
    await fc.assert(
      fc.asyncProperty(patchArbitrary(groupIdpOperations, groupPaths, groupValues), async (document) => {
        const { reply, after, context } = await patchAllOrNothing(`/Groups/${ids.group}`, document(ids));
        if (reply.status < 400) {
          expect(String(after.body.displayName).trim(), context).not.toBe("");
          // Members are only ever users and groups of this directory, never the group itself.
          const members = (after.body.members ?? []) as Array<{ value: string }>;
          expect(members.map((m) => m.value)).not.toContain(ids.group);
          expect(members.every((m) => [ids.alice, ids.bob, ids.carol, ids.child].includes(m.value)), context).toBe(true);
        }
      }),
      { numRuns },
    );
  }, propertyTimeout);
});

// Found by the filter property: PostgreSQL text cannot hold U+0000, and the error it raised reached
// the client as a 500 (which can quarantine an Entra job) instead of a 400 naming the value. Raw in a
// JSON body or a filter, and as the filter grammar's escape \u0000 (decoded by the parser).
describe("U+0000 in a value", () => {
  type Send = (f: Fixture) => Promise<ScimReply>;
  const cases: Array<[string, Send]> = [
    ["a filter literal on /Users", () => client.get(`/Users?filter=${encodeURIComponent('userName eq "a\u0000b"')}`)],
    ["a filter literal on /Groups", () => client.get(`/Groups?filter=${encodeURIComponent('displayName eq "\u0000"')}`)],
    ["a POST /Users attribute", () => client.post("/Users", { userName: "nul@acme.test", displayName: "a\u0000b" })],
    ["a PATCH /Users value", (f) => client.patch(`/Users/${f.alice}`, { Operations: [{ op: "replace", path: "title", value: "\u0000" }] })],
    ["a POST /Groups displayName", () => client.post("/Groups", { displayName: "Group\u0000" })],
    ["GET /Users?filter= as the escape \\u0000", () => client.get(`/Users?filter=${encodeURIComponent('externalId eq "\\u0000"')}`)],
    ["POST /Users/.search as the escape \\u0000", () => client.post("/Users/.search", { filter: 'userName eq "\\u0000"' })],
    ["a group PATCH path's value filter as the escape \\u0000", (f) => client.patch(`/Groups/${f.group}`, { Operations: [{ op: "remove", path: 'members[display eq "\\u0000"]' }] })],
  ];
  for (const [where, send] of cases) {
    it(`is refused with a 400 SCIM error in ${where}, and nothing changes`, async () => {
      const state = async () => [(await client.get(`/Users/${ids.alice}`)).body, (await client.get(`/Groups/${ids.group}`)).body];
      const before = await state();
      const reply = await send(ids);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ status: "400", schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"] });
      expect(String(reply.body.detail)).toMatch(/NUL|\\u0000/);
      expect(await state()).toEqual(before);
      expect((await client.get(`/Users?filter=${encodeURIComponent('userName eq "nul@acme.test"')}`)).body.totalResults).toBe(0);
    });
  }
});
