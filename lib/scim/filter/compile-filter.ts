import { sql, type SQL } from "drizzle-orm";
import { escapeLike } from "@/db/like-pattern";
import { badRequest } from "../errors";
import { findAttribute, resolveAttribute, type ResolvedAttribute, type ScimAttribute } from "../schemas/attribute";
import type { AttrPath, CompareOp, Filter, FilterValue, PatchPath } from "./filter-ast";
import type { ColumnKind, FilterColumn, FilterElements, FilterTarget } from "./filter-target";
import { parsePatchPath } from "./parse-filter";

const invalidFilter = (detail: string) => badRequest("invalidFilter", detail);

/**
 * Compiles a parsed filter to a boolean SQL expression over the target's row. Literals are always
 * bound parameters; comparisons keep the `lower(col) = lower($1)` shape expression indexes match.
 */
export function compileFilter(filter: Filter, target: FilterTarget): SQL {
  return compileNode(filter, resourceScope(target));
}

/** The ORDER BY expression for `sortBy` (RFC 7644 §3.4.2.3): a single-valued attribute, or one the target gives a sort. */
export function compileSortBy(sortBy: string, target: FilterTarget): SQL {
  let path: PatchPath;
  try {
    path = parsePatchPath(sortBy);
  } catch {
    throw badRequest("invalidValue", `"${clip(sortBy)}" is not a valid sortBy attribute.`);
  }
  const label = pathLabel(path);
  const unsortable = () => badRequest("invalidValue", `"${label}" cannot be used to sort.`);
  if (path.valueFilter) throw unsortable();
  const found = findPath(target, path);
  if (!found) throw badRequest("invalidValue", `Unknown attribute "${label}" in sortBy.`);
  const { attribute, key, sub } = found;
  if (attribute.multiValued) {
    const sort = target.multiValued[key]?.sort;
    if (!sort || (sub && sub.name !== "value")) throw unsortable();
    return sort;
  }
  const column = target.columns[attribute.type === "complex" ? `${key}.${sub?.name ?? "value"}` : key];
  if (!column) throw unsortable();
  return column.kind === "string" && !column.caseExact ? sql`lower(${column.sql})` : column.sql;
}

/** What a path in the filter stands for, in the scope it appears in. */
type Operand =
  | { kind: "column"; column: FilterColumn; label: string }
  /** A multi-valued attribute: `column` (a sub-attribute) is compared inside `exists`; none = `pr` of the attribute. */
  | { kind: "elements"; elements: FilterElements; column?: FilterColumn; label: string }
  /** `pr` of a single-valued complex attribute: any of its sub-attributes present. */
  | { kind: "any"; columns: FilterColumn[]; label: string };

type Scope = {
  operand: (path: AttrPath, purpose: "compare" | "present") => Operand;
  valuePath: (path: AttrPath, filter: Filter) => SQL;
};

function compileNode(filter: Filter, scope: Scope): SQL {
  switch (filter.type) {
    case "and":
      return sql`(${compileNode(filter.left, scope)} and ${compileNode(filter.right, scope)})`;
    case "or":
      return sql`(${compileNode(filter.left, scope)} or ${compileNode(filter.right, scope)})`;
    case "not":
      // Comparisons with a missing attribute are null in SQL; `not` must treat them as false, not keep null.
      return sql`not coalesce(${compileNode(filter.filter, scope)}, false)`;
    case "present":
      return present(scope.operand(filter.path, "present"));
    case "valuePath":
      return scope.valuePath(filter.path, filter.filter);
    case "compare": {
      if (filter.value === null) {
        if (filter.op === "eq") return sql`not (${present(scope.operand(filter.path, "present"))})`;
        if (filter.op === "ne") return present(scope.operand(filter.path, "present"));
        throw invalidFilter(`"${pathLabel(filter.path)}" ${filter.op} null: null can only be compared with eq or ne.`);
      }
      const operand = scope.operand(filter.path, "compare");
      if (operand.kind === "column") return compareColumn(operand.column, operand.label, filter.op, filter.value);
      if (operand.kind === "elements" && operand.column) {
        return operand.elements.exists(compareColumn(operand.column, operand.label, filter.op, filter.value));
      }
      throw invalidFilter(`"${operand.label}" cannot be compared; filter on one of its sub-attributes.`);
    }
  }
}

function resourceScope(target: FilterTarget): Scope {
  return {
    operand(path, purpose) {
      const label = pathLabel(path);
      const found = findPath(target, path);
      if (!found) throw unknownAttribute(label);
      const { attribute, key, sub } = found;
      if (attribute.multiValued) {
        const elements = target.multiValued[key];
        if (!elements) throw notFilterable(label);
        if (!sub && purpose === "present") return { kind: "elements", elements, label };
        // `emails co "@x"`, `members eq "id"`: a multi-valued attribute stands for its values.
        const column = elements.subAttributes[sub?.name ?? "value"];
        if (!column) throw notFilterable(label);
        return { kind: "elements", elements, column, label };
      }
      if (attribute.type === "complex") {
        if (!sub && purpose === "present") {
          const columns = (attribute.subAttributes ?? []).flatMap((s) => target.columns[`${key}.${s.name}`] ?? []);
          if (columns.length === 0) throw notFilterable(label);
          return { kind: "any", columns, label };
        }
        if (!sub && !findAttribute(attribute.subAttributes, "value")) {
          const example = attribute.subAttributes?.[0]?.name ?? "value";
          throw invalidFilter(`"${label}" has sub-attributes; filter on one of them, e.g. "${label}.${example}".`);
        }
        const column = target.columns[`${key}.${sub?.name ?? "value"}`];
        if (!column) throw notFilterable(label);
        return { kind: "column", column, label };
      }
      const column = target.columns[key];
      if (!column) throw notFilterable(label);
      return { kind: "column", column, label };
    },
    valuePath(path, filter) {
      const label = pathLabel(path);
      const found = findPath(target, path);
      if (!found) throw unknownAttribute(label);
      const { attribute, key, sub } = found;
      if (attribute.type !== "complex" || sub) {
        throw invalidFilter(`"${label}" is not a complex attribute, so it cannot take a value filter "[…]".`);
      }
      if (!attribute.multiValued) {
        return compileNode(filter, elementScope(attribute, label, (name) => target.columns[`${key}.${name}`]));
      }
      const elements = target.multiValued[key];
      if (!elements) throw notFilterable(label);
      return elements.exists(compileNode(filter, elementScope(attribute, label, (name) => elements.subAttributes[name])));
    },
  };
}

/** Inside `attr[…]`: paths name sub-attributes of one element. */
function elementScope(attribute: ScimAttribute, parentLabel: string, columnOf: (name: string) => FilterColumn | undefined): Scope {
  return {
    operand(path) {
      const label = `${parentLabel}.${pathLabel(path)}`;
      const sub = path.schema === undefined && path.subAttr === undefined ? findAttribute(attribute.subAttributes, path.name) : undefined;
      if (!sub) throw unknownAttribute(label);
      const column = columnOf(sub.name);
      if (!column) throw notFilterable(label);
      return { kind: "column", column, label };
    },
    valuePath(path) {
      throw invalidFilter(`Value filters cannot be nested: "${pathLabel(path)}[…]" is inside the value filter of "${parentLabel}".`);
    },
  };
}

type FoundPath = { attribute: ScimAttribute; key: string; sub?: ScimAttribute };

/** Resolves a path against the target's schema; `key` is the canonical name its maps use. Undefined = unknown. */
function findPath(target: FilterTarget, path: AttrPath): FoundPath | undefined {
  const coreSchema = path.schema !== undefined && path.schema.toLowerCase() === target.coreSchema?.toLowerCase();
  let resolved: ResolvedAttribute | undefined;
  if (coreSchema) {
    const attribute = findAttribute(target.attributes.core, path.name);
    resolved = attribute && { attribute };
  } else {
    resolved = resolveAttribute(target.attributes, path.name, path.schema);
  }
  if (!resolved) return undefined;
  const { attribute, schema } = resolved;
  const key = schema ? `${schema}:${attribute.name}` : attribute.name;
  if (path.subAttr === undefined) return { attribute, key };
  const sub = findAttribute(attribute.subAttributes, path.subAttr);
  return sub && { attribute, key, sub };
}

function present(operand: Operand): SQL {
  switch (operand.kind) {
    case "column":
      return columnPresent(operand.column);
    case "elements":
      return operand.elements.exists(operand.column ? columnPresent(operand.column) : sql`true`);
    case "any":
      return sql`(${sql.join(operand.columns.map(columnPresent), sql` or `)})`;
  }
}

function columnPresent(column: FilterColumn): SQL {
  return column.kind === "string" ? sql`(${column.sql} is not null and ${column.sql} <> '')` : sql`${column.sql} is not null`;
}

const orderOps = { gt: sql.raw(">"), ge: sql.raw(">="), lt: sql.raw("<"), le: sql.raw("<=") } as const;

function compareColumn(column: FilterColumn, label: string, op: CompareOp, value: Exclude<FilterValue, null>): SQL {
  const literal = filterLiteral(column.kind, label, op, value);
  const col = column.sql;
  switch (column.kind) {
    case "string": {
      const text = String(literal);
      if (column.caseExact) return compareText(col, op, text, (v) => sql`${v}`);
      return compareText(sql`lower(${col})`, op, text, (v) => sql`lower(${v})`);
    }
    case "uuid": {
      const text = String(literal);
      if (op === "eq" || op === "ne") {
        // A literal that is no uuid matches no id: answering without the cast avoids a database error.
        if (!uuidPattern.test(text)) return op === "eq" ? sql`false` : sql`true`;
        return op === "eq" ? sql`${col} = ${text}::uuid` : sql`${col} is distinct from ${text}::uuid`;
      }
      return compareText(sql`(${col})::text`, op, text, (v) => sql`lower(${v})`);
    }
    case "boolean":
      return op === "eq" ? sql`${col} = ${literal}` : sql`${col} is distinct from ${literal}`;
    case "dateTime":
      // meta.lastModified is returned with millisecond precision, so compare at that precision: a
      // client's `gt "<the value it read>"` must not find the same change again.
      return compareOrdered(sql`date_trunc('milliseconds', ${col})`, op, sql`${literal}::timestamptz`);
    case "integer":
    case "decimal":
      return compareOrdered(col, op, sql`${literal}::numeric`);
  }
}

function compareText(col: SQL, op: CompareOp, value: string, param: (value: string) => SQL): SQL {
  switch (op) {
    case "eq":
      return sql`${col} = ${param(value)}`;
    case "ne":
      return sql`${col} is distinct from ${param(value)}`;
    case "co":
      return sql`${col} like ${param(`%${escapeLike(value)}%`)}`;
    case "sw":
      return sql`${col} like ${param(`${escapeLike(value)}%`)}`;
    case "ew":
      return sql`${col} like ${param(`%${escapeLike(value)}`)}`;
    default:
      return sql`${col} ${orderOps[op]} ${param(value)}`;
  }
}

const orderedOps: Partial<Record<CompareOp, SQL>> = { eq: sql.raw("="), ne: sql.raw("is distinct from"), ...orderOps };

/** For dates and numbers, where `filterLiteral` has already refused co, sw and ew. */
function compareOrdered(col: SQL, op: CompareOp, value: SQL): SQL {
  const operator = orderedOps[op];
  if (!operator) throw invalidFilter(`${op} does not apply to dates and numbers.`);
  return sql`${col} ${operator} ${value}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a comparison's literal against the kind of attribute it is compared with and returns the
 * value to compare: a boolean for booleans (`"True"` accepted), a normalized ISO string for dates.
 */
export function filterLiteral(kind: ColumnKind, label: string, op: CompareOp, value: Exclude<FilterValue, null>): string | number | boolean {
  const shown = clip(JSON.stringify(value));
  switch (kind) {
    case "string":
    case "uuid":
      if (typeof value !== "string") throw invalidFilter(`"${label}" is a string; compare it with a value in double quotes, e.g. ${label} ${op} "${value}".`);
      return value;
    case "boolean": {
      if (op !== "eq" && op !== "ne") throw invalidFilter(`"${label}" is a boolean; only eq, ne and pr apply to it.`);
      const lower = typeof value === "string" ? value.toLowerCase() : undefined;
      const boolean = lower === undefined ? value : lower === "true" ? true : lower === "false" ? false : undefined;
      if (typeof boolean !== "boolean") throw invalidFilter(`"${label}" is a boolean; compare it with true or false, not ${shown}.`);
      return boolean;
    }
    case "dateTime": {
      if (op === "co" || op === "sw" || op === "ew") throw invalidFilter(`"${label}" is a dateTime; ${op} does not apply to it (use eq, ne, gt, ge, lt, le or pr).`);
      if (typeof value !== "string") {
        throw invalidFilter(`"${label}" is a dateTime; compare it with a date in double quotes such as "2024-05-01T00:00:00Z", not ${shown}.`);
      }
      const date = parseDateTime(value);
      if (!date) throw invalidFilter(`${shown} is not a valid dateTime for "${label}"; use ISO 8601, e.g. "2024-05-01T00:00:00Z".`);
      return date.iso;
    }
    case "integer":
    case "decimal":
      if (op === "co" || op === "sw" || op === "ew") throw invalidFilter(`"${label}" is a number; ${op} does not apply to it.`);
      if (typeof value !== "number") throw invalidFilter(`"${label}" is a number; compare it with a number, not ${shown}.`);
      return value;
  }
}

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time; without a zone it is UTC. `iso` keeps the fraction's full precision
 * for the database, `millis` is for comparisons in memory.
 */
export function parseDateTime(text: string): { iso: string; millis: number } | undefined {
  const match = dateTimePattern.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = "00", minute = "00", second = "00", fraction = "", zone = "Z"] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const offsetMatch = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  const offsetMinutes = offsetMatch ? (offsetMatch[1] === "-" ? -1 : 1) * (Number(offsetMatch[2]) * 60 + Number(offsetMatch[3])) : 0;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const valid =
    y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59 && s <= 59 && Math.abs(offsetMinutes) < 16 * 60 && (offsetMatch === null || Number(offsetMatch[3]) <= 59);
  if (!valid) return undefined;
  const normalizedZone = offsetMatch ? `${offsetMatch[1]}${offsetMatch[2]}:${offsetMatch[3]}` : "Z";
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, Math.floor(Number(`0${fraction || ".0"}`) * 1000));
  return {
    iso: `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${normalizedZone}`,
    millis: utc.getTime() - offsetMinutes * 60_000,
  };
}

function pathLabel(path: AttrPath): string {
  return `${path.schema ? `${path.schema}:` : ""}${path.name}${path.subAttr ? `.${path.subAttr}` : ""}`;
}

function unknownAttribute(label: string) {
  return invalidFilter(`Unknown attribute "${label}" in the filter.`);
}

function notFilterable(label: string) {
  return invalidFilter(`"${label}" cannot be used in a filter.`);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
