import { describe, expect, it } from "vitest";
import { attribute, findAttribute, type ScimAttribute } from "@/lib/scim/schemas/attribute";
import { userSchema } from "@/lib/scim/schemas/user-schema";
import type { Filter } from "./filter-ast";
import { matchesFilter } from "./match-filter";
import { parseFilter } from "./parse-filter";

const emailAttributes = findAttribute(userSchema.attributes, "emails")!.subAttributes!;
const addressAttributes = findAttribute(userSchema.attributes, "addresses")!.subAttributes!;
const customAttributes: ScimAttribute[] = [
  attribute("since", "dateTime", "When."),
  attribute("rank", "integer", "How high."),
  attribute("weight", "decimal", "How heavy."),
  attribute("code", "string", "A case-exact code.", { caseExact: true }),
];

describe("matchesFilter", () => {
  const work = { value: "Barbara@Acme.test", type: "work", primary: true };
  const home = { value: "babs@home.test", type: "home", display: "" };

  it.each<[string, Record<string, unknown>, boolean]>([
    ['type eq "work"', work, true],
    ['type eq "WORK"', work, true],
    ['type eq "work"', home, false],
    ['type ne "work"', home, true],
    ['value eq "barbara@acme.TEST"', work, true],
    ['value co "@ACME"', work, true],
    ['value sw "barb"', work, true],
    ['value ew ".test"', work, true],
    ['value ew ".org"', work, false],
    ['value gt "a"', work, true],
    ['value lt "a"', work, false],
    ['value le "babs@home.test"', home, true],
    ['type eq "work" and value co "@acme"', work, true],
    ['type eq "work" and value co "@acme"', home, false],
    ['type eq "home" or primary eq true', work, true],
    ['not (type eq "work")', home, true],
    ['not (type eq "work")', work, false],
    ["primary eq true", work, true],
    ['primary eq "TRUE"', work, true],
    ["primary eq true", home, false],
    ["primary ne true", home, true],
    ["primary eq false", { value: "x", primary: "false" }, true],
    ["value pr", work, true],
    ["display pr", work, false],
    ["display pr", home, false],
    ["display eq null", home, true],
    ["display ne null", work, false],
    ['display eq "x"', work, false],
    ['display ne "x"', work, true],
    ['display co "x"', work, false],
    ['TYPE eq "work"', work, true],
    ['type eq "work"', { Type: "work" }, true],
    ['type eq "work"', { type: 5 }, false],
  ])("%s on %j is %s", (text, element, expected) => {
    expect(matchesFilter(element, parseFilter(text), emailAttributes)).toBe(expected);
  });

  it("matches addresses by their own sub-attributes", () => {
    const address = { streetAddress: "1 Main St", locality: "Berlin", postalCode: "10115", type: "work", primary: true };
    expect(matchesFilter(address, parseFilter('type eq "work" and locality eq "berlin"'), addressAttributes)).toBe(true);
    expect(matchesFilter(address, parseFilter("country pr"), addressAttributes)).toBe(false);
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['since gt "2024-01-01"', { since: "2024-06-01T00:00:00+02:00" }, true],
    ['since eq "2024-06-01T00:00:00+02:00"', { since: "2024-05-31T22:00:00Z" }, true],
    ['since lt "2024-05-31T22:00:00.001Z"', { since: "2024-05-31T22:00:00Z" }, true],
    ['since eq "2024-05-31"', { since: "not a date" }, false],
    ['since ne "2024-05-31"', { since: "not a date" }, true],
    ["rank ge 3", { rank: 3 }, true],
    ["rank lt 2.5", { rank: 3 }, false],
    ["weight le 2.5", { weight: 2.25 }, true],
    ["rank eq 3", { rank: "3" }, false],
    ['code eq "ABC"', { code: "ABC" }, true],
    ['code eq "abc"', { code: "ABC" }, false],
    ['code co "b"', { code: "ABC" }, false],
  ])("%s on %j is %s", (text, element, expected) => {
    expect(matchesFilter(element, parseFilter(text), customAttributes)).toBe(expected);
  });

  it.each([
    ['foo eq "x"', emailAttributes, 'Unknown attribute "foo" in the filter.'],
    ['value.x eq "x"', emailAttributes, 'Unknown attribute "value.x" in the filter.'],
    ['urn:x:y:type eq "work"', emailAttributes, 'Unknown attribute "urn:x:y:type" in the filter.'],
    ["value eq 5", emailAttributes, /"value" is a string; compare it with a value in double quotes/],
    ['primary eq "maybe"', emailAttributes, '"primary" is a boolean; compare it with true or false, not "maybe".'],
    ["primary gt true", emailAttributes, '"primary" is a boolean; only eq, ne and pr apply to it.'],
    ["value gt null", emailAttributes, /null can only be compared with eq or ne/],
    ['since co "2024"', customAttributes, /"since" is a dateTime; co does not apply/],
    ['since gt "soon"', customAttributes, /"soon" is not a valid dateTime for "since"/],
    ['rank eq "3"', customAttributes, '"rank" is a number; compare it with a number, not "3".'],
  ])("refuses %s", (text, attributes, detail) => {
    const match = () => matchesFilter({ value: "x", since: "2024-01-01", rank: 3 }, parseFilter(text), attributes);
    expect(match).toThrow(expect.objectContaining({ status: 400, scimType: "invalidFilter" }));
    expect(match).toThrow(detail);
  });

  it("refuses a nested value filter", () => {
    const nested: Filter = { type: "valuePath", path: { name: "value" }, filter: { type: "present", path: { name: "type" } } };
    expect(() => matchesFilter({}, nested, emailAttributes)).toThrow(/Value filters cannot be nested/);
  });
});
