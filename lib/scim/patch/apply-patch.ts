import { isDeepStrictEqual } from "node:util";
import { badRequest } from "../errors";
import type { Filter, FilterValue, PatchPath } from "../filter/filter-ast";
import { matchesFilter } from "../filter/match-filter";
import { findAttribute, type ResourceAttributes, type ScimAttribute } from "../schemas/attribute";
import { isPlainObject, type ScimDocument } from "../schemas/coerce-resource";
import { isWritable, resolvePatchTarget, targetPath, type PatchOperation, type PatchTarget } from "./patch-operation";

type Element = Record<string, unknown>;

/** Reads and writes a target attribute where it lives: the document itself, or its extension object. */
function slot(document: ScimDocument, { attribute, schema }: PatchTarget) {
  const container = (): Element | undefined => {
    if (!schema) return document;
    const extension = document[schema];
    return isPlainObject(extension) ? extension : undefined;
  };
  return {
    get: () => container()?.[attribute.name],
    set: (value: unknown) => {
      const target = container() ?? {};
      target[attribute.name] = value;
      if (schema) document[schema] = target;
    },
    unset: () => {
      const target = container();
      if (!target) return;
      delete target[attribute.name];
      if (schema && Object.keys(target).length === 0) delete document[schema];
    },
  };
}

type Slot = ReturnType<typeof slot>;

const pathText = (path: PatchPath) => `${path.schema ? `${path.schema}:` : ""}${path.name}${path.subAttr ? `.${path.subAttr}` : ""}`;

function asObject(value: unknown, target: PatchTarget): Element {
  if (isPlainObject(value)) return value;
  throw badRequest("invalidValue", `${targetPath(target)} must be given an object of sub-attributes.`);
}

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Strings compare ignoring case unless the sub-attribute is caseExact, as filters do. */
function sameValue(a: unknown, b: unknown, attribute: ScimAttribute | undefined): boolean {
  if (typeof a === "string" && typeof b === "string" && !attribute?.caseExact) return a.toLowerCase() === b.toLowerCase();
  return isDeepStrictEqual(a, b);
}

/** Whether an added element duplicates an existing one: same `value` (and same `type` when given). */
function duplicates(existing: unknown, added: unknown, subAttributes: ScimAttribute[]): boolean {
  if (!isPlainObject(existing) || !isPlainObject(added) || added.value === undefined) return isDeepStrictEqual(existing, added);
  return (
    sameValue(existing.value, added.value, findAttribute(subAttributes, "value")) &&
    (added.type === undefined || sameValue(existing.type, added.type, findAttribute(subAttributes, "type")))
  );
}

/** Whether `listed`, from a remove's value list, names `existing`: by `value`, else by every sub-attribute it gives. */
function listedIn(existing: unknown, listed: unknown, subAttributes: ScimAttribute[]): boolean {
  if (!isPlainObject(existing) || !isPlainObject(listed)) return isDeepStrictEqual(existing, listed);
  const given = listed.value === undefined ? Object.entries(listed) : [["value", listed.value] as const];
  return given.length > 0 && given.every(([name, value]) => sameValue(existing[name], value, findAttribute(subAttributes, name)));
}

/** `type eq "work" and primary eq true` → { type: "work", primary: true }; undefined when the filter says anything else. */
function elementFromFilter(filter: Filter, subAttributes: ScimAttribute[]): Element | undefined {
  const equalities = (node: Filter): Array<[string, FilterValue]> | undefined => {
    if (node.type === "compare" && node.op === "eq" && !node.path.subAttr) return [[node.path.name, node.value]];
    if (node.type !== "and") return undefined;
    const left = equalities(node.left);
    const right = equalities(node.right);
    return left && right && [...left, ...right];
  };
  const element: Element = {};
  for (const [name, value] of equalities(filter) ?? []) {
    const sub = findAttribute(subAttributes, name);
    const expected = sub?.type === "boolean" ? "boolean" : sub?.type === "integer" || sub?.type === "decimal" ? "number" : "string";
    if (!sub || sub.type === "complex" || typeof value !== expected) return undefined;
    if (element[sub.name] !== undefined && element[sub.name] !== value) return undefined;
    element[sub.name] = value;
  }
  return Object.keys(element).length > 0 ? element : undefined;
}

/** At most one element is primary: the first one this operation made primary wins. */
function keepOnePrimary(list: unknown[], touched: unknown[]) {
  const preferred = touched.find((element) => isPlainObject(element) && element.primary === true);
  if (!preferred) return;
  for (const element of list) if (element !== preferred && isPlainObject(element) && element.primary === true) element.primary = false;
}

// An element left with nothing but these no longer says anything (a work email without an address).
const descriptive = new Set(["type", "primary", "display"]);
const isHollow = (element: Element) => Object.keys(element).every((key) => descriptive.has(key));

/** In a single-valued complex attribute `value` says what the rest describes (manager's `$ref`): a new `value` starts afresh. */
function merge(current: Element, incoming: Element): Element {
  const identityChanged = incoming.value !== undefined && current.value !== undefined && !isDeepStrictEqual(current.value, incoming.value);
  return identityChanged ? { ...incoming } : { ...current, ...incoming };
}

function applyToSingle(place: Slot, target: PatchTarget, op: PatchOperation["op"], value: unknown) {
  const { attribute, subAttribute } = target;
  const current = place.get();
  if (op === "remove") {
    if (!subAttribute) place.unset();
    else if (isPlainObject(current)) {
      delete current[subAttribute.name];
      if (Object.keys(current).length === 0) place.unset();
    }
    return;
  }
  if (attribute.type !== "complex") place.set(value);
  else place.set(merge(isPlainObject(current) ? current : {}, subAttribute ? { [subAttribute.name]: value } : asObject(value, target)));
}

function applyToList(place: Slot, target: PatchTarget, operation: PatchOperation, value: unknown) {
  const { attribute, subAttribute } = target;
  const subAttributes = attribute.subAttributes ?? [];
  const filter = operation.path?.valueFilter;
  const list = asList(place.get());
  let result = list;
  let touched: unknown[] = [];

  if (filter || subAttribute) {
    if (attribute.type !== "complex") throw badRequest("invalidPath", `${targetPath(target)} has no sub-attributes to filter on.`);
    const selected = list.filter((element): element is Element => isPlainObject(element) && (!filter || matchesFilter(element, filter, subAttributes)));
    if (operation.op === "remove") {
      const chosen = new Set<unknown>(selected);
      if (subAttribute) for (const element of selected) delete element[subAttribute.name];
      result = list.filter((element) => !chosen.has(element) || (subAttribute !== undefined && isPlainObject(element) && !isHollow(element)));
    } else {
      if (selected.length === 0) {
        // Entra sets `emails[type eq "work"].value` on users that have no work email yet.
        const created = filter ? elementFromFilter(filter, subAttributes) : {};
        if (!created) {
          throw badRequest("noTarget", `No value of ${attribute.name} matches the filter in "${pathText(operation.path ?? { name: attribute.name })}", and no new value can be made from it.`);
        }
        list.push(created);
        selected.push(created);
      }
      for (const element of selected) {
        if (subAttribute) element[subAttribute.name] = structuredClone(value);
        else Object.assign(element, structuredClone(asObject(value, target)));
      }
      touched = selected;
    }
  } else if (operation.op === "remove") {
    // A value list names the elements to remove (Entra/JumpCloud members); only no value at all clears the list.
    const listed = asList(value);
    result = value === undefined ? [] : list.filter((element) => !listed.some((item) => listedIn(element, item, subAttributes)));
  } else if (operation.op === "replace") {
    result = asList(structuredClone(value));
    touched = result;
  } else {
    for (const added of asList(structuredClone(value))) {
      const existing = list.find((element) => duplicates(element, added, subAttributes));
      if (existing === undefined) list.push(added);
      else if (isPlainObject(existing) && isPlainObject(added)) Object.assign(existing, added);
      touched.push(existing ?? added);
    }
  }

  keepOnePrimary(result, touched);
  if (result.length === 0) place.unset();
  else place.set(result);
}

function applyOperation(document: ScimDocument, operation: PatchOperation, attributes: ResourceAttributes) {
  const { op, path, value } = operation;
  if (!path) throw badRequest("noTarget", `"${op}" needs a path.`);
  const target = resolvePatchTarget(attributes, path);
  if (!target) throw badRequest("invalidPath", `${pathText(path)} is not an attribute of this resource.`);
  if (!isWritable(target)) throw badRequest("mutability", `${targetPath(target)} cannot be changed.`);
  const { attribute, subAttribute } = target;
  if (op === "remove" && attribute.required && !subAttribute && !path.valueFilter) {
    throw badRequest("invalidValue", `${targetPath(target)} is required, so it cannot be removed or emptied.`);
  }
  if (op !== "remove" && value === undefined) throw badRequest("invalidValue", `"${op}" of ${targetPath(target)} needs a value.`);
  const place = slot(document, target);
  if (attribute.multiValued) applyToList(place, target, operation, value);
  else applyToSingle(place, target, op, structuredClone(value));
}

/** Paths whose value differs, at the level of sub-attributes for single-valued complex attributes (`name.givenName`). */
function changedPaths(before: Element, after: Element, definitions: ScimAttribute[], prefix: string, skip: string[], changed: string[]) {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (skip.includes(key) || isDeepStrictEqual(before[key], after[key])) continue;
    const definition = findAttribute(definitions, key);
    const a = before[key] ?? {};
    const b = after[key] ?? {};
    if (definition?.type === "complex" && !definition.multiValued && isPlainObject(a) && isPlainObject(b)) {
      changedPaths(a, b, definition.subAttributes ?? [], `${prefix}${key}.`, [], changed);
    } else {
      changed.push(`${prefix}${key}`);
    }
  }
}

const objectAt = (document: ScimDocument, key: string): Element => {
  const value = document[key];
  return isPlainObject(value) ? value : {};
};

/**
 * Applies canonical operations (normalisePatch's output) with RFC 7644 §3.5.2 semantics, plus the
 * IdP leniencies described on each step. Pure: returns a new document and the canonical paths
 * whose value changed (empty when the PATCH changed nothing).
 */
export function applyPatch(
  document: ScimDocument,
  operations: PatchOperation[],
  attributes: ResourceAttributes,
): { document: ScimDocument; changed: string[] } {
  const result = structuredClone(document);
  for (const operation of operations) applyOperation(result, operation, attributes);

  const changed: string[] = [];
  const extensions = Object.keys(attributes.extensions);
  changedPaths(document, result, attributes.core, "", extensions, changed);
  for (const urn of extensions) {
    changedPaths(objectAt(document, urn), objectAt(result, urn), attributes.extensions[urn] ?? [], `${urn}:`, [], changed);
  }
  return { document: result, changed };
}
