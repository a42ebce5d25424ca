import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import type { AttrPath, CompareOp, Filter, FilterValue } from "./filter-ast";
import { parseFilter, parsePatchPath } from "./parse-filter";

const enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/** `at("name.givenName")`, `at("manager.value", enterprise)` */
function at(text: string, schema?: string): AttrPath {
  const [name = "", subAttr] = text.split(".");
  return { ...(schema ? { schema } : {}), name, ...(subAttr ? { subAttr } : {}) };
}
const cmp = (path: string | AttrPath, op: CompareOp, value: FilterValue): Filter => ({
  type: "compare",
  path: typeof path === "string" ? at(path) : path,
  op,
  value,
});
const pr = (path: string | AttrPath): Filter => ({ type: "present", path: typeof path === "string" ? at(path) : path });
const and = (left: Filter, right: Filter): Filter => ({ type: "and", left, right });
const or = (left: Filter, right: Filter): Filter => ({ type: "or", left, right });
const not = (filter: Filter): Filter => ({ type: "not", filter });
const valuePath = (path: string, filter: Filter): Filter => ({ type: "valuePath", path: at(path), filter });

describe("parseFilter", () => {
  it.each<[string, Filter]>([
    ['userName eq "bjensen"', cmp("userName", "eq", "bjensen")],
    ['userName ne "x"', cmp("userName", "ne", "x")],
    ['name.familyName co "O\'Malley"', cmp("name.familyName", "co", "O'Malley")],
    ['userName sw "J"', cmp("userName", "sw", "J")],
    ['userName ew "@acme.test"', cmp("userName", "ew", "@acme.test")],
    ["title pr", pr("title")],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', cmp("meta.lastModified", "gt", "2011-05-13T04:42:34Z")],
    ['meta.lastModified ge "2011-05-13T04:42:34Z"', cmp("meta.lastModified", "ge", "2011-05-13T04:42:34Z")],
    ['meta.lastModified lt "2011-05-13T04:42:34Z"', cmp("meta.lastModified", "lt", "2011-05-13T04:42:34Z")],
    ['meta.lastModified le "2011-05-13T04:42:34Z"', cmp("meta.lastModified", "le", "2011-05-13T04:42:34Z")],
    ['UserName EQ "x"', cmp("UserName", "eq", "x")],
    ["title Pr", pr("title")],
    ["active eq TRUE", cmp("active", "eq", true)],
    ["active eq False", cmp("active", "eq", false)],
    ["title eq NULL", cmp("title", "eq", null)],
    ["rank ge -12.5e+2", cmp("rank", "ge", -1250)],
    ["rank lt 0", cmp("rank", "lt", 0)],
    ['x eq "a\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00"', cmp("x", "eq", 'a"b\\c/d\n\té😀')],
    ['x eq ""', cmp("x", "eq", "")],
    ["  title\tpr\n", pr("title")],
    ["members.$ref pr", pr("members.$ref")],
    ['userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      and(cmp("userType", "eq", "Employee"), or(cmp("emails", "co", "example.com"), cmp("emails.value", "co", "example.org")))],
    ["a pr or b pr and c pr", or(pr("a"), and(pr("b"), pr("c")))],
    ["a pr and b pr or c pr", or(and(pr("a"), pr("b")), pr("c"))],
    ["a pr and b pr and c pr", and(and(pr("a"), pr("b")), pr("c"))],
    ["a pr or b pr or c pr", or(or(pr("a"), pr("b")), pr("c"))],
    ["(a pr or b pr) and c pr", and(or(pr("a"), pr("b")), pr("c"))],
    ["((a pr))", pr("a")],
    ["not (a pr) and b pr", and(not(pr("a")), pr("b"))],
    ["not(a pr or b pr)", not(or(pr("a"), pr("b")))],
    ["NOT (a pr)", not(pr("a"))],
    ["not a pr and b pr", and(not(pr("a")), pr("b"))],
    ['userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      and(cmp("userType", "ne", "Employee"), not(or(cmp("emails", "co", "example.com"), cmp("emails.value", "co", "example.org"))))],
    ['emails[type eq "work" and value co "@acme"]', valuePath("emails", and(cmp("type", "eq", "work"), cmp("value", "co", "@acme")))],
    ['emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      or(
        valuePath("emails", and(cmp("type", "eq", "work"), cmp("value", "co", "@example.com"))),
        valuePath("ims", and(cmp("type", "eq", "xmpp"), cmp("value", "co", "@foo.com"))),
      )],
    ['emails[not (type eq "work")]', valuePath("emails", not(cmp("type", "eq", "work")))],
    ['emails[type eq "work"].value eq "x@acme.test"', valuePath("emails", and(cmp("type", "eq", "work"), cmp("value", "eq", "x@acme.test")))],
    ['emails[type eq "work" or primary eq true].value co "@acme"',
      valuePath("emails", and(or(cmp("type", "eq", "work"), cmp("primary", "eq", true)), cmp("value", "co", "@acme")))],
    ['addresses[type eq "work"].postalCode pr', valuePath("addresses", and(cmp("type", "eq", "work"), pr("postalCode")))],
    ['id eq "g1" and members[value eq "u1"]', and(cmp("id", "eq", "g1"), valuePath("members", cmp("value", "eq", "u1")))],
    ['members[value eq "u1"] and id eq "g1"', and(valuePath("members", cmp("value", "eq", "u1")), cmp("id", "eq", "g1"))],
    ['members eq "u1"', cmp("members", "eq", "u1")],
    [`${enterprise}:manager.value eq "m1"`, cmp(at("manager.value", enterprise), "eq", "m1")],
    [`${enterprise}:employeeNumber eq "701984"`, cmp(at("employeeNumber", enterprise), "eq", "701984")],
    ['urn:ietf:params:scim:schemas:core:2.0:User:name.familyName co "O"', cmp(at("name.familyName", "urn:ietf:params:scim:schemas:core:2.0:User"), "co", "O")],
    ['urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq "work"]', { type: "valuePath", path: at("emails", "urn:ietf:params:scim:schemas:core:2.0:User"), filter: cmp("type", "eq", "work") }],
    ["and eq 1", cmp("and", "eq", 1)],
  ])("%s", (text, expected) => {
    expect(parseFilter(text)).toStrictEqual(expected);
  });

  it.each<[string, string]>([
    ['userName foo "x"', 'Unexpected "foo" at position 10 of the filter; expected an operator such as eq, co or pr.'],
    ['userName = "x"', 'Unexpected "=" at position 10 of the filter; expected an operator such as eq, co or pr.'],
    ['userName "x"', "Unexpected string \"x\" at position 10 of the filter; expected an operator such as eq, co or pr."],
    ["userName", 'The filter ends after "userName"; expected an operator such as eq, co or pr.'],
    ["userName eq", 'The filter ends after "eq"; expected a value: a string in double quotes, a number, true, false or null.'],
    ["userName eq bjensen", 'Unexpected "bjensen" at position 13 of the filter; expected a value: a string in double quotes, a number, true, false or null.'],
    ["userName eq 'x'", 'Unexpected "\'" at position 13 of the filter; expected a value: a string in double quotes, a number, true, false or null.'],
    ['userName eq "abc', "The filter ends inside a string (opened at position 13)."],
    ['userName eq "abc\\', "The filter ends inside a string (opened at position 13)."],
    ['userName eq "a\\qb"', 'Invalid escape "\\q" at position 15 of the filter.'],
    ['userName eq "\\u12x4"', 'Invalid escape "\\u12x4" at position 14 of the filter; \\u takes four hex digits.'],
    ['emails[type eq "work"', 'Missing "]" after the value filter of "emails".'],
    ['emails[type eq "work" x', 'Unexpected "x" at position 23 of the filter; expected "and", "or" or "]".'],
    ["(a pr", 'Missing ")" to close the "(" at position 1 of the filter.'],
    ["(a pr b", 'Unexpected "b" at position 7 of the filter; expected "and", "or" or ")".'],
    ["a pr)", 'Unexpected ")" at position 5 of the filter: there is no "(" to close.'],
    ["a pr b pr", 'Unexpected "b" at position 6 of the filter; expected "and", "or" or the end of the filter.'],
    ["a pr and", 'The filter ends after "and"; expected an attribute name, "not" or "(".'],
    ["a pr and )", 'Unexpected ")" at position 10 of the filter; expected an attribute name, "not" or "(".'],
    // "or" where an attribute is expected is taken for an attribute's name.
    ["a pr or or b pr", 'Unexpected "b" at position 12 of the filter; expected an operator such as eq, co or pr.'],
    ["not", 'The filter ends after "not"; expected an attribute name, "not" or "(".'],
    ["()", 'Unexpected ")" at position 2 of the filter; expected an attribute name, "not" or "(".'],
    ['5 eq "x"', 'Unexpected number 5 at position 1 of the filter; expected an attribute name, "not" or "(".'],
    ['name.given.x eq "y"', '"name.given.x" at position 1 of the filter is not a valid attribute name.'],
    ['user$name eq "y"', '"user$name" at position 1 of the filter is not a valid attribute name.'],
    ['urn:x: eq "y"', '"urn:x:" at position 1 of the filter is not a valid attribute name.'],
    ['emails.value[type eq "work"]', 'Unexpected "[" at position 13 of the filter: a value filter applies to an attribute such as "emails", not to a sub-attribute ("emails.value").'],
    ['emails[type[value pr]]', 'Unexpected "[" at position 12 of the filter: value filters cannot be nested inside the value filter of "emails".'],
    ['emails[type eq "work"]. eq "x"', '"" at position 24 of the filter is not a valid sub-attribute name.'],
    ['emails[type eq "work"].value', 'The filter ends after ".value"; expected an operator such as eq, co or pr.'],
    ["rank eq 1e999", "The number 1e999 at position 9 of the filter is out of range."],
    ["", "The filter is empty."],
    ["   ", "The filter is empty."],
  ])("refuses %s", (text, detail) => {
    expect(() => parseFilter(text)).toThrow(expect.objectContaining({ status: 400, scimType: "invalidFilter", detail }));
  });

  it("caps the length at 10,000 characters", () => {
    const filter = `userName eq "${"x".repeat(9_985)}"`;
    expect(filter).toHaveLength(9_999);
    expect(parseFilter(filter)).toMatchObject({ type: "compare" });
    expect(() => parseFilter(`${filter}  `)).toThrow("The filter is 10001 characters long; at most 10000 are allowed.");
  });

  it("caps nesting at 50 levels", () => {
    const nested = (depth: number) => `${"(".repeat(depth)}a pr${")".repeat(depth)}`;
    expect(parseFilter(nested(50))).toEqual(pr("a"));
    expect(() => parseFilter(nested(51))).toThrow("The filter nests more than 50 levels deep (at position 51).");
    expect(() => parseFilter(`${"not ".repeat(51)}a pr`)).toThrow(/nests more than 50 levels/);
    expect(() => parseFilter(`${"(".repeat(5_000)}a pr`)).toThrow(/nests more than 50 levels/);
    expect(parseFilter(Array.from({ length: 700 }, (_, i) => `a${i} pr`).join(" and "))).toMatchObject({ type: "and" });
  });
});

describe("parsePatchPath", () => {
  it.each([
    ["userName", at("userName")],
    ["name.givenName", at("name.givenName")],
    [`${enterprise}:manager`, at("manager", enterprise)],
    [`${enterprise}:manager.value`, at("manager.value", enterprise)],
    ['members[value eq "2819c223"]', { name: "members", valueFilter: cmp("value", "eq", "2819c223") }],
    ['emails[type eq "work"].value', { name: "emails", valueFilter: cmp("type", "eq", "work"), subAttr: "value" }],
    [
      'addresses[type eq "work" and primary eq true].streetAddress',
      { name: "addresses", valueFilter: and(cmp("type", "eq", "work"), cmp("primary", "eq", true)), subAttr: "streetAddress" },
    ],
    ['urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq "work"]', { schema: "urn:ietf:params:scim:schemas:core:2.0:User", name: "emails", valueFilter: cmp("type", "eq", "work") }],
  ])("%s", (text, expected) => {
    expect(parsePatchPath(text)).toStrictEqual(expected);
  });

  it.each([
    ["", "The path is empty."],
    ["name.givenName.x", '"name.givenName.x" at position 1 of the path is not a valid attribute name.'],
    ["userName eq", 'Unexpected "eq" at position 10 of the path; expected "[" or the end of the path.'],
    ['emails[type eq "work"', 'Missing "]" after the value filter of "emails".'],
    ['emails[type eq "work"] x', 'Unexpected "x" at position 24 of the path; expected "." and a sub-attribute, or the end of the path.'],
    ['emails[type eq "work"].value.x', '"value.x" at position 24 of the path is not a valid sub-attribute name.'],
    ['emails[type eq "work"].value eq "x"', 'Unexpected "eq" at position 30 of the path; expected the end of the path.'],
    ['emails[type zz "work"]', 'Unexpected "zz" at position 13 of the path; expected an operator such as eq, co or pr.'],
    ['"userName"', 'Unexpected string "userName" at position 1 of the path; expected an attribute name.'],
    ["(userName)", 'Unexpected "(" at position 1 of the path; expected an attribute name.'],
  ])("refuses %s", (text, detail) => {
    expect(() => parsePatchPath(text)).toThrow(expect.objectContaining({ status: 400, scimType: "invalidPath", detail }));
  });
});

/** Prints a filter with as few parentheses as keep it parsing back to the same tree. */
function print(filter: Filter): string {
  switch (filter.type) {
    case "compare":
      return `${printPath(filter.path)} ${filter.op} ${printValue(filter.value)}`;
    case "present":
      return `${printPath(filter.path)} pr`;
    case "not":
      return `not (${print(filter.filter)})`;
    case "valuePath":
      return `${printPath(filter.path)}[${print(filter.filter)}]`;
    case "and":
    case "or": {
      const rank = precedence(filter);
      // Both operators associate to the left, so an operand of equal rank needs parentheses on the right only.
      const left = precedence(filter.left) < rank ? `(${print(filter.left)})` : print(filter.left);
      const right = precedence(filter.right) <= rank ? `(${print(filter.right)})` : print(filter.right);
      return `${left} ${filter.type} ${right}`;
    }
  }
}

const precedence = (filter: Filter) => (filter.type === "or" ? 1 : filter.type === "and" ? 2 : 3);
const printPath = (path: AttrPath) => `${path.schema ? `${path.schema}:` : ""}${path.name}${path.subAttr ? `.${path.subAttr}` : ""}`;
const printValue = (value: FilterValue) => (Object.is(value, -0) ? "-0" : JSON.stringify(value));

const nameArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/).filter((name) => name.toLowerCase() !== "not"),
  fc.constantFrom("$ref", "and", "or", "eq", "pr", "true", "null", "userName", "emails"),
);
const schemaArb = fc.array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,6}$/), { minLength: 1, maxLength: 6 }).map((parts) => `urn:${parts.join(":")}`);
const pathArb = (withSubAttr: boolean): fc.Arbitrary<AttrPath> =>
  fc
    .record({ schema: fc.option(schemaArb, { nil: undefined }), name: nameArb, subAttr: withSubAttr ? fc.option(nameArb, { nil: undefined }) : fc.constant(undefined) })
    .map(({ schema, name, subAttr }) => ({ ...(schema ? { schema } : {}), name, ...(subAttr ? { subAttr } : {}) }));
const valueArb: fc.Arbitrary<FilterValue> = fc.oneof(
  // U+0000 is refused on purpose (no stored value can hold it), so it is not a round-trippable literal.
  fc.string({ unit: "binary", maxLength: 20 }).filter((text) => !text.includes("\u0000")),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const opArb = fc.constantFrom<CompareOp>("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
const leafArb: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({ type: fc.constant("compare" as const), path: pathArb(true), op: opArb, value: valueArb }),
  fc.record({ type: fc.constant("present" as const), path: pathArb(true) }),
);

const { filterArb } = fc.letrec<{ filterArb: Filter; innerArb: Filter }>((tie) => ({
  filterArb: fc.oneof(
    { maxDepth: 6 },
    leafArb,
    fc.record({ type: fc.constant("valuePath" as const), path: pathArb(false), filter: tie("innerArb") }),
    fc.record({ type: fc.constantFrom("and" as const, "or" as const), left: tie("filterArb"), right: tie("filterArb") }),
    fc.record({ type: fc.constant("not" as const), filter: tie("filterArb") }),
  ),
  // Inside `[…]`: no value paths.
  innerArb: fc.oneof(
    { maxDepth: 4 },
    leafArb,
    fc.record({ type: fc.constantFrom("and" as const, "or" as const), left: tie("innerArb"), right: tie("innerArb") }),
    fc.record({ type: fc.constant("not" as const), filter: tie("innerArb") }),
  ),
}));

const tokenSoupArb = fc
  .array(
    fc.constantFrom("(", ")", "[", "]", " ", '"', "\\", "\\u", "eq", "pr", "and", "or", "not", "emails", ".value", "userName", "urn:a:2.0:b:", "5", "-", "1e", "true", "null", ":", "$ref", "\t", "."),
    { maxLength: 40 },
  )
  .map((tokens) => tokens.join(""));

/** Runs `parse` and reports how it ended: anything but a result or a 400 ScimError of `scimType` fails the property. */
function parsesOrRefuses(parse: () => unknown, scimType: string): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    return error instanceof ScimError && error.status === 400 && error.scimType === scimType && error.detail.length > 0;
  }
}

describe("parser properties", () => {
  it("parses any printed filter back to the same tree", () => {
    fc.assert(
      fc.property(filterArb, (filter) => {
        expect(parseFilter(print(filter))).toEqual(filter);
      }),
      { numRuns: 500 },
    );
  });

  it("either parses or refuses with a 400 invalidFilter, whatever the input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => parsesOrRefuses(() => parseFilter(text), "invalidFilter")), { numRuns: 1_000 });
    fc.assert(fc.property(tokenSoupArb, (text) => parsesOrRefuses(() => parseFilter(text), "invalidFilter")), { numRuns: 2_000 });
  });

  it("either parses or refuses a damaged valid filter", () => {
    const damagedArb = fc.tuple(filterArb, fc.nat(), fc.nat(), fc.string({ maxLength: 3 })).map(([filter, cut, length, insert]) => {
      const text = print(filter);
      const at = cut % (text.length + 1);
      return text.slice(0, at) + insert + text.slice(at + (length % 4));
    });
    fc.assert(fc.property(damagedArb, (text) => parsesOrRefuses(() => parseFilter(text), "invalidFilter")), { numRuns: 1_000 });
  });

  it("either parses or refuses a PATCH path with a 400 invalidPath, whatever the input", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 100 }), tokenSoupArb), (text) => parsesOrRefuses(() => parsePatchPath(text), "invalidPath")), {
      numRuns: 1_000,
    });
  });
});
