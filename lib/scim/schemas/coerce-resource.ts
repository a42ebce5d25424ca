import { badRequest } from "../errors";
import { findAttribute, resolveAttribute, type ResolvedAttribute, type ResourceAttributes, type ScimAttribute } from "./attribute";
import { urns } from "./urns";

/**
 * A resource in canonical form: core attributes at the top level under their schema names,
 * extension attributes in an object under the extension URN.
 */
export type ScimDocument = Record<string, unknown>;

/** `value` is undefined when nothing is left to store: null, "", [], or every part ignored. */
export type CoercedValue = { value: unknown; ignored: string[] };

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

/** Readable name of a value's JSON type, for error details. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the text ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function coerceScalar(attribute: ScimAttribute, value: unknown, path: string): unknown {
  if (isEmpty(value)) return undefined;
  switch (attribute.type) {
    case "boolean":
      if (typeof value === "boolean") return value;
      // OneLogin templates and Entra's default mapping send "True"/"False".
      if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
      throw badRequest("invalidValue", `${path} must be true or false, not ${describe(value)}.`);
    case "integer":
      if (typeof value === "number" && Number.isInteger(value)) return value;
      throw badRequest("invalidValue", `${path} must be an integer, not ${describe(value)}.`);
    case "decimal":
      if (typeof value === "number" && Number.isFinite(value)) return value;
      throw badRequest("invalidValue", `${path} must be a number, not ${describe(value)}.`);
    case "dateTime":
      if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return value;
      throw badRequest("invalidValue", `${path} must be a date and time such as 2024-05-01T12:00:00Z, not ${describe(value)}.`);
    default:
      // Stored verbatim (no trimming, no reformatting): Entra compares what it reads back.
      if (typeof value === "string") return value;
      throw badRequest("invalidValue", `${path} must be a string, not ${describe(value)}.`);
  }
}

function coerceComplex(attribute: ScimAttribute, value: unknown, path: string, ignored: string[]): unknown {
  if (isEmpty(value)) return undefined;
  const subAttributes = attribute.subAttributes ?? [];
  // Entra sends a manager as a bare id, or (older docs) as a one-element list.
  if (typeof value === "string" && findAttribute(subAttributes, "value")) value = { value };
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.length === 1) return coerceComplex(attribute, value[0], path, ignored);
    throw badRequest("invalidValue", `${path} takes a single value, not a list of ${value.length}.`);
  }
  if (!isPlainObject(value)) throw badRequest("invalidValue", `${path} must be an object, not ${describe(value)}.`);

  const result: Record<string, unknown> = {};
  for (const [key, subValue] of Object.entries(value)) {
    const sub = findAttribute(subAttributes, key);
    if (!sub || sub.mutability === "readOnly" || sub.mutability === "writeOnly") {
      ignored.push(`${path}.${sub?.name ?? key}`);
      continue;
    }
    const coerced = coerceScalar(sub, subValue, `${path}.${sub.name}`);
    if (coerced !== undefined) result[sub.name] = coerced;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function coerceSingle(attribute: ScimAttribute, value: unknown, path: string, ignored: string[]): unknown {
  return attribute.type === "complex" ? coerceComplex(attribute, value, path, ignored) : coerceScalar(attribute, value, path);
}

/**
 * Checks and converts one attribute's value to canonical form. Pass `{ ...attribute, multiValued: false }`
 * to coerce one element of a multi-valued attribute. Read-only and unknown sub-attributes are
 * dropped and listed in `ignored`; the mutability of `attribute` itself is the caller's business.
 */
export function coerceAttributeValue(attribute: ScimAttribute, value: unknown, path: string): CoercedValue {
  const ignored: string[] = [];
  if (!attribute.multiValued) return { value: coerceSingle(attribute, value, path, ignored), ignored };
  if (isEmpty(value)) return { value: undefined, ignored };
  const elements = (Array.isArray(value) ? value : [value])
    .map((element) => coerceSingle(attribute, element, path, ignored))
    .filter((element) => element !== undefined);
  return { value: elements.length > 0 ? elements : undefined, ignored };
}

const coreUrns: readonly string[] = [urns.user.toLowerCase(), urns.group.toLowerCase()];

/** The extension whose URN is `key`, ignoring case. */
export function findExtension(attributes: ResourceAttributes, key: string): string | undefined {
  const lower = key.toLowerCase();
  return Object.keys(attributes.extensions).find((urn) => urn.toLowerCase() === lower);
}

/** resolveAttribute, also accepting names qualified by a core schema URN (`urn:…:core:2.0:User:userName`). */
export function resolveQualifiedAttribute(attributes: ResourceAttributes, name: string, schema?: string): ResolvedAttribute | undefined {
  if (schema && coreUrns.includes(schema.toLowerCase())) {
    const found = findAttribute(attributes.core, name);
    return found && { attribute: found };
  }
  return resolveAttribute(attributes, name, schema);
}

/** Resolves a body key: `employeeNumber`, `urn:…:enterprise:2.0:User:employeeNumber`, `urn:…:core:2.0:User:userName`. */
function resolveKey(attributes: ResourceAttributes, key: string): ResolvedAttribute | undefined {
  if (!key.toLowerCase().startsWith("urn:")) return resolveAttribute(attributes, key);
  const colon = key.lastIndexOf(":");
  return resolveQualifiedAttribute(attributes, key.slice(colon + 1), key.slice(0, colon));
}

const attributePath = ({ attribute, schema }: ResolvedAttribute) => (schema ? `${schema}:${attribute.name}` : attribute.name);

/**
 * Turns a POST or PUT body into a canonical document. Anything the server does not store
 * (unknown or read-only attributes, `schemas`, `password`, nulls) is dropped and named in
 * `ignored`, never echoed with its value; a value of the wrong type is a 400.
 */
export function coerceResource(body: unknown, attributes: ResourceAttributes): { document: ScimDocument; ignored: string[] } {
  if (!isPlainObject(body)) throw badRequest("invalidSyntax", "The request body must be a JSON object with the resource's attributes.");
  const document: ScimDocument = {};
  const ignored: string[] = [];

  const store = (resolved: ResolvedAttribute, value: unknown) => {
    const path = attributePath(resolved);
    const { attribute, schema } = resolved;
    if (attribute.mutability === "readOnly" || attribute.mutability === "writeOnly") {
      ignored.push(path);
      return;
    }
    const coerced = coerceAttributeValue(attribute, value, path);
    ignored.push(...coerced.ignored);
    if (coerced.value === undefined) {
      // An empty list is an attribute without values, not something ignored.
      if (!(Array.isArray(value) && value.length === 0)) ignored.push(path);
      return;
    }
    if (!schema) {
      document[attribute.name] = coerced.value;
      return;
    }
    const extension = isPlainObject(document[schema]) ? document[schema] : {};
    extension[attribute.name] = coerced.value;
    document[schema] = extension;
  };

  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === "schemas") {
      ignored.push("schemas");
      continue;
    }
    const extension = findExtension(attributes, key);
    if (extension) {
      if (isEmpty(value)) continue;
      if (!isPlainObject(value)) throw badRequest("invalidValue", `${extension} must be an object, not ${describe(value)}.`);
      for (const [name, extensionValue] of Object.entries(value)) {
        const found = findAttribute(attributes.extensions[extension], name);
        if (found) store({ attribute: found, schema: extension }, extensionValue);
        else ignored.push(`${extension}:${name}`);
      }
      continue;
    }
    const resolved = resolveKey(attributes, key);
    if (resolved) store(resolved, value);
    else ignored.push(key);
  }
  return { document, ignored: [...new Set(ignored)] };
}
