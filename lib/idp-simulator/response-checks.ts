import { urns } from "@/lib/scim/schemas/urns";
import { readAttribute } from "./attribute-path";
import { describe, getArray, getString, isJsonObject, type JsonObject } from "./json";
import type { ScimResponse } from "./scim-client";

/** Returns why the response is not what the IdP relies on, or undefined when it is. */
export type Check = (response: ScimResponse) => string | undefined;

/** Marks an attribute that must be absent (or null) in the response. */
export const absent = Symbol("absent");
/** Marks an attribute that must be there, whatever its value. */
export const present = Symbol("present");

export type Expected = string | number | boolean | typeof absent | typeof present;

export function allOf(...checks: Check[]): Check {
  return (response) => {
    const reasons = checks.map((check) => check(response)).filter((reason) => reason !== undefined);
    return reasons.length > 0 ? reasons.join("; ") : undefined;
  };
}

/** For writes answered with 200 and a body or with 204 and none: only a body is checked. */
export const ifBody =
  (check: Check): Check =>
  (response) =>
    response.text.trim() === "" ? undefined : check(response);

function hasSchema(body: JsonObject, urn: string): boolean {
  return getArray(body, "schemas")?.includes(urn) ?? false;
}

export function resourcesOf(response: ScimResponse): JsonObject[] {
  return (getArray(response.body, "Resources") ?? []).filter(isJsonObject);
}

export function idsOf(response: ScimResponse): string[] {
  return resourcesOf(response).flatMap((resource) => (typeof resource.id === "string" ? [resource.id] : []));
}

export interface ListExpectation {
  totalResults?: number;
  /** Okta needs startIndex and itemsPerPage as integers too, not only totalResults. */
  paging?: boolean;
  /** count=0 asks for totalResults only, so Resources may be missing. */
  countOnly?: boolean;
}

export function listResponse(expected: ListExpectation = {}): Check {
  return ({ body }) => {
    if (!isJsonObject(body)) return `expected a ListResponse, got ${describe(body)}`;
    const reasons: string[] = [];
    if (!hasSchema(body, urns.listResponse)) reasons.push("schemas lacks the ListResponse URN");
    const total = body.totalResults;
    if (!Number.isInteger(total)) reasons.push(`totalResults is ${describe(total)}, expected an integer`);
    const paging = expected.paging ? (["startIndex", "itemsPerPage"] as const) : [];
    for (const key of paging) {
      if (!Number.isInteger(body[key])) reasons.push(`${key} is ${describe(body[key])}, expected an integer`);
    }
    const resources = body.Resources;
    if (resources !== undefined && !Array.isArray(resources)) reasons.push("Resources is not an array");
    if (resources === undefined && typeof total === "number" && total > 0 && !expected.countOnly) {
      reasons.push(`Resources is missing although totalResults is ${total}`);
    }
    if (expected.totalResults !== undefined && total !== expected.totalResults) {
      reasons.push(`totalResults is ${describe(total)}, expected ${expected.totalResults}`);
    }
    return reasons.length > 0 ? reasons.join("; ") : undefined;
  };
}

/** RFC 7644 §3.12; Okta and Entra show `detail` to the customer's admins. */
export function errorBody(status: number, scimType?: string): Check {
  return ({ body }) => {
    if (!isJsonObject(body)) return `expected an RFC 7644 error body, got ${describe(body)}`;
    const reasons: string[] = [];
    if (!hasSchema(body, urns.error)) reasons.push("error body lacks the Error schema URN");
    if (body.status !== String(status)) reasons.push(`error status is ${describe(body.status)}, expected "${status}"`);
    if (!getString(body, "detail")) reasons.push("error body has no detail");
    if (scimType && body.scimType !== scimType) reasons.push(`scimType is ${describe(body.scimType)}, expected "${scimType}"`);
    return reasons.length > 0 ? reasons.join("; ") : undefined;
  };
}

function compare(resource: unknown, expected: Record<string, Expected>): string[] {
  return Object.entries(expected).flatMap(([path, want]) => {
    const actual = readAttribute(resource, path);
    const missing = actual === undefined || actual === null;
    if (want === absent) return missing ? [] : [`${path} is ${describe(actual)}, expected it absent`];
    if (want === present) return missing ? [`${path} is missing`] : [];
    return actual === want ? [] : [`${path} is ${describe(actual)}, expected ${describe(want)}`];
  });
}

/** A single resource with an id and the given attribute values. */
export function resource(expected: Record<string, Expected> = {}, schema?: string): Check {
  return ({ body, text }) => {
    if (text.trim() === "") return "returned an empty body where the resource was expected";
    if (!isJsonObject(body)) return `expected a resource, got ${describe(body)}`;
    const reasons: string[] = [];
    if (typeof body.id !== "string" || body.id === "") reasons.push("resource has no id");
    if (schema && !hasSchema(body, schema)) reasons.push(`schemas lacks ${schema}`);
    reasons.push(...compare(body, expected));
    return reasons.length > 0 ? reasons.join("; ") : undefined;
  };
}

/** The first resource of a ListResponse has the given attribute values. */
export function firstResource(expected: Record<string, Expected>): Check {
  return (response) => {
    const [first] = resourcesOf(response);
    if (!first) return "the list has no resources";
    const reasons = compare(first, expected);
    return reasons.length > 0 ? reasons.join("; ") : undefined;
  };
}

export function memberIdsOf(group: unknown): string[] {
  return (getArray(group, "members") ?? []).flatMap((member) => {
    const value = getString(member, "value");
    return value ? [value] : [];
  });
}

export function members(expected: { include?: string[]; exclude?: string[]; exactly?: string[] }): Check {
  return ({ body }) => {
    const actual = new Set(memberIdsOf(body));
    const reasons: string[] = [];
    const missing = (expected.include ?? expected.exactly ?? []).filter((id) => !actual.has(id));
    if (missing.length > 0) reasons.push(`members lack ${missing.length} expected id(s), e.g. ${missing[0]}`);
    const unwanted = expected.exactly
      ? [...actual].filter((id) => !expected.exactly?.includes(id))
      : (expected.exclude ?? []).filter((id) => actual.has(id));
    if (unwanted.length > 0) reasons.push(`members still hold ${unwanted.length} id(s) that should be gone, e.g. ${unwanted[0]}`);
    return reasons.length > 0 ? reasons.join("; ") : undefined;
  };
}

export function header(name: string): Check {
  return ({ headers }) => (headers.get(name) ? undefined : `no ${name} header`);
}
