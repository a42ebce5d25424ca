import { badRequest } from "../errors";
import { findAttribute, type ScimAttribute } from "../schemas/attribute";
import type { AttrPath, CompareOp, Filter } from "./filter-ast";
import type { ColumnKind } from "./filter-target";
import { filterLiteral, parseDateTime } from "./compile-filter";

/**
 * Whether one element of a multi-valued attribute (e.g. one of a user's emails) matches a value
 * filter such as `type eq "work"`, with the semantics `compileFilter` gives the same filter in SQL.
 */
export function matchesFilter(element: Record<string, unknown>, filter: Filter, subAttributes: ScimAttribute[]): boolean {
  switch (filter.type) {
    case "and":
      return matchesFilter(element, filter.left, subAttributes) && matchesFilter(element, filter.right, subAttributes);
    case "or":
      return matchesFilter(element, filter.left, subAttributes) || matchesFilter(element, filter.right, subAttributes);
    case "not":
      return !matchesFilter(element, filter.filter, subAttributes);
    case "valuePath":
      throw badRequest("invalidFilter", `Value filters cannot be nested: "${label(filter.path)}[…]" is inside another value filter.`);
    case "present":
      return isPresent(valueOf(element, subAttribute(filter.path, subAttributes).name));
    case "compare": {
      const attribute = subAttribute(filter.path, subAttributes);
      const actual = valueOf(element, attribute.name);
      if (filter.value === null) {
        if (filter.op === "eq") return !isPresent(actual);
        if (filter.op === "ne") return isPresent(actual);
        throw badRequest("invalidFilter", `"${label(filter.path)}" ${filter.op} null: null can only be compared with eq or ne.`);
      }
      const kind = kindOf(attribute, filter.path);
      const literal = filterLiteral(kind, label(filter.path), filter.op, filter.value);
      const compared = compare(kind, attribute.caseExact, actual, literal, filter.op);
      // Like SQL's `is distinct from`: an element without the sub-attribute is "not equal".
      if (compared === undefined) return filter.op === "ne";
      return compared;
    }
  }
}

function subAttribute(path: AttrPath, subAttributes: ScimAttribute[]): ScimAttribute {
  const found = path.schema === undefined && path.subAttr === undefined ? findAttribute(subAttributes, path.name) : undefined;
  if (!found) throw badRequest("invalidFilter", `Unknown attribute "${label(path)}" in the filter.`);
  return found;
}

function kindOf(attribute: ScimAttribute, path: AttrPath): ColumnKind {
  switch (attribute.type) {
    case "string":
    case "reference":
      return "string";
    case "complex":
      throw badRequest("invalidFilter", `"${label(path)}" has sub-attributes and cannot be compared.`);
    default:
      return attribute.type;
  }
}

/** Element keys are matched ignoring case, as attribute names are. */
function valueOf(element: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(element, name)) return element[name];
  const lower = name.toLowerCase();
  return Object.entries(element).find(([key]) => key.toLowerCase() === lower)?.[1];
}

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false;
  return !Array.isArray(value) || value.length > 0;
}

/** Undefined when the element's value cannot be compared (missing or of another type). */
function compare(kind: ColumnKind, caseExact: boolean, actual: unknown, literal: string | number | boolean, op: CompareOp): boolean | undefined {
  switch (kind) {
    case "string":
    case "uuid": {
      if (typeof actual !== "string" || typeof literal !== "string") return undefined;
      return compareText(caseExact ? actual : actual.toLowerCase(), caseExact ? literal : literal.toLowerCase(), op);
    }
    case "boolean": {
      const lower = typeof actual === "string" ? actual.toLowerCase() : undefined;
      const value = lower === undefined ? actual : lower === "true" ? true : lower === "false" ? false : undefined;
      if (typeof value !== "boolean") return undefined;
      return op === "eq" ? value === literal : value !== literal;
    }
    case "dateTime": {
      const value = typeof actual === "string" ? parseDateTime(actual)?.millis : actual instanceof Date ? actual.getTime() : undefined;
      const expected = typeof literal === "string" ? parseDateTime(literal)?.millis : undefined;
      if (value === undefined || expected === undefined) return undefined;
      return compareOrdered(value, expected, op);
    }
    case "integer":
    case "decimal":
      if (typeof actual !== "number" || typeof literal !== "number") return undefined;
      return compareOrdered(actual, literal, op);
  }
}

function compareText(actual: string, expected: string, op: CompareOp): boolean {
  switch (op) {
    case "co":
      return actual.includes(expected);
    case "sw":
      return actual.startsWith(expected);
    case "ew":
      return actual.endsWith(expected);
    default:
      return compareOrdered(actual, expected, op);
  }
}

function compareOrdered<T extends string | number>(actual: T, expected: T, op: CompareOp): boolean {
  switch (op) {
    case "eq":
      return actual === expected;
    case "ne":
      return actual !== expected;
    case "gt":
      return actual > expected;
    case "ge":
      return actual >= expected;
    case "lt":
      return actual < expected;
    case "le":
      return actual <= expected;
    default:
      return false;
  }
}

function label(path: AttrPath): string {
  return `${path.schema ? `${path.schema}:` : ""}${path.name}${path.subAttr ? `.${path.subAttr}` : ""}`;
}
