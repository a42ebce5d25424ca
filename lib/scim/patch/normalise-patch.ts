import { badRequest, ScimError } from "../errors";
import type { PatchPath } from "../filter/filter-ast";
import { parsePatchPath } from "../filter/parse-filter";
import type { ResourceAttributes } from "../schemas/attribute";
import { coerceAttributeValue, findExtension, isPlainObject } from "../schemas/coerce-resource";
import { canonicalPath, isWritable, resolvePatchTarget, targetPath, type PatchOperation } from "./patch-operation";

type Op = PatchOperation["op"];

/** The member of `object` named `name`, ignoring case (Entra and Okta disagree on `Operations` casing). */
function member(object: Record<string, unknown>, name: string): { found: boolean; value: unknown } {
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? { found: false, value: undefined } : { found: true, value: object[key] };
}

function parseOp(value: unknown, index: number): Op {
  const op = typeof value === "string" ? value.toLowerCase() : undefined;
  if (op === "add" || op === "replace" || op === "remove") return op;
  const shown = value === undefined ? "no op" : `op ${JSON.stringify(value)}`;
  throw badRequest("invalidSyntax", `Operation ${index + 1} has ${shown}; use "add", "replace" or "remove".`);
}

class Normaliser {
  readonly operations: PatchOperation[] = [];
  readonly ignored: string[] = [];

  constructor(private readonly attributes: ResourceAttributes) {}

  operation(raw: unknown, index: number) {
    if (!isPlainObject(raw)) throw badRequest("invalidSyntax", `Operation ${index + 1} must be an object with "op", "path" and "value".`);
    const op = parseOp(member(raw, "op").value, index);
    const path = member(raw, "path").value ?? "";
    const value = member(raw, "value");
    if (typeof path !== "string") throw badRequest("invalidPath", `The path of operation ${index + 1} must be a string.`);
    const text = path.trim();
    if (text === "") {
      if (op === "remove") throw badRequest("noTarget", `Operation ${index + 1} removes without a path; say what to remove.`);
      this.attributeObject(op, value.value, index);
      return;
    }
    if (op !== "remove" && !value.found) throw badRequest("invalidSyntax", `Operation ${index + 1} (${op} ${text}) has no "value".`);
    const extension = findExtension(this.attributes, text);
    if (extension) {
      this.extensionObject(op, extension, value.value);
      return;
    }
    this.targeted(op, text, parsePatchPath(text), value.value);
  }

  /** A no-path add/replace: `{"active":false}`, `{"name.givenName":…, "urn:…:User:employeeNumber":…}`, `{"id":…, "displayName":…}`. */
  private attributeObject(op: Op, value: unknown, index: number) {
    if (!isPlainObject(value)) {
      throw badRequest("invalidValue", `Operation ${index + 1} has no path, so its value must be an object of attributes.`);
    }
    for (const [key, attributeValue] of Object.entries(value)) {
      const extension = findExtension(this.attributes, key);
      if (extension) this.extensionObject(op, extension, attributeValue);
      else this.keyed(op, key, attributeValue);
    }
  }

  /** The extension's attributes as one object, under its URN as a key or as the path. */
  private extensionObject(op: Op, urn: string, value: unknown) {
    if (op === "remove") {
      for (const attribute of this.attributes.extensions[urn] ?? []) {
        if (attribute.mutability !== "readOnly" && !attribute.required) this.operations.push({ op, path: { schema: urn, name: attribute.name } });
      }
      return;
    }
    if (value === null || value === undefined) {
      this.ignored.push(urn);
      return;
    }
    if (!isPlainObject(value)) throw badRequest("invalidValue", `${urn} must be an object of attributes.`);
    for (const [key, attributeValue] of Object.entries(value)) this.keyed(op, `${urn}:${key}`, attributeValue);
  }

  /** A key of a no-path value: unlike a path, one that doesn't parse is an unknown attribute, not an error. */
  private keyed(op: Op, key: string, value: unknown) {
    let path: PatchPath;
    try {
      path = parsePatchPath(key);
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      this.ignored.push(key);
      return;
    }
    this.targeted(op, key, path, value);
  }

  private targeted(op: Op, text: string, path: PatchPath, value: unknown) {
    const target = resolvePatchTarget(this.attributes, path);
    // Entra bundles unknown and read-only paths with real changes; refusing them would block off-boarding.
    if (!target || !isWritable(target)) {
      this.ignored.push(target ? targetPath(target) : text);
      return;
    }
    const { attribute, subAttribute } = target;
    const filter = path.valueFilter;
    if (filter && !attribute.multiValued) {
      throw badRequest("invalidPath", `${targetPath(target)} has a single value, so "${text}" cannot select values with [ ].`);
    }
    const canonical = canonicalPath(target, filter);
    const wholeList = attribute.multiValued && !filter && !subAttribute;

    if (op === "remove") {
      // Entra and JumpCloud remove members with a value list; it must never clear the whole list.
      if (!wholeList || value === undefined || value === null) {
        this.operations.push({ op, path: canonical });
        return;
      }
      const coerced = coerceAttributeValue(attribute, value, targetPath(target));
      this.ignored.push(...coerced.ignored);
      this.operations.push({ op, path: canonical, value: coerced.value ?? [] });
      return;
    }

    const valueAttribute = subAttribute ?? (filter ? { ...attribute, multiValued: false } : attribute);
    const coerced = coerceAttributeValue(valueAttribute, value, targetPath(target));
    this.ignored.push(...coerced.ignored);
    if (coerced.value !== undefined) {
      this.operations.push({ op, path: canonical, value: coerced.value });
      return;
    }
    // Something was sent but none of it can be stored: not a request to clear the attribute.
    if (coerced.ignored.length > 0) return;
    // Adding no values adds nothing; turning it into a remove would clear the list.
    if (op === "add" && wholeList) return;
    // Entra and Microsoft's validator clear attributes with "replace" and null or "".
    this.operations.push({ op: "remove", path: canonical });
  }
}

/**
 * Validates a PatchOp body and rewrites every IdP's dialect into canonical operations for
 * applyPatch: case-insensitive ops, no-path objects split into one operation per attribute,
 * null/"" values as removes, values coerced to the schema's types. Paths to unknown, read-only or
 * write-only attributes are dropped and named in `ignored`.
 */
export function normalisePatch(body: unknown, attributes: ResourceAttributes): { operations: PatchOperation[]; ignored: string[] } {
  if (!isPlainObject(body)) throw badRequest("invalidSyntax", "The PATCH body must be a JSON object with an \"Operations\" list.");
  // `schemas` is not checked: Okta leaves it out of group PATCHes.
  const operations = member(body, "Operations").value;
  if (!Array.isArray(operations)) throw badRequest("invalidSyntax", "The PATCH body must have an \"Operations\" list.");
  if (operations.length === 0) throw badRequest("invalidValue", "The \"Operations\" list is empty; send at least one operation.");
  const normaliser = new Normaliser(attributes);
  operations.forEach((operation, index) => normaliser.operation(operation, index));
  return { operations: normaliser.operations, ignored: [...new Set(normaliser.ignored)] };
}
