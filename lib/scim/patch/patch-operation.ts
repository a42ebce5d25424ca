import type { PatchPath } from "../filter/filter-ast";
import { findAttribute, type ResourceAttributes, type ScimAttribute } from "../schemas/attribute";
import { resolveQualifiedAttribute } from "../schemas/coerce-resource";

/**
 * A canonical PATCH operation, as normalisePatch produces it: every add/replace has a path,
 * names in the path are the schema's (`schema` is set for extension attributes only) and the
 * value has been coerced to the target's type.
 */
export type PatchOperation = { op: "add" | "replace" | "remove"; path?: PatchPath; value?: unknown };

/** What a path points at: an attribute, possibly of an extension, and possibly one of its sub-attributes. */
export type PatchTarget = { attribute: ScimAttribute; schema?: string; subAttribute?: ScimAttribute };

/** Resolves a path's names ignoring case; undefined when the attribute or sub-attribute is unknown. */
export function resolvePatchTarget(attributes: ResourceAttributes, path: PatchPath): PatchTarget | undefined {
  const resolved = resolveQualifiedAttribute(attributes, path.name, path.schema);
  if (!resolved) return undefined;
  if (path.subAttr === undefined) return resolved;
  const subAttribute = findAttribute(resolved.attribute.subAttributes, path.subAttr);
  return subAttribute && { ...resolved, subAttribute };
}

/** `name.givenName`, `emails.value`, `urn:…:enterprise:2.0:User:manager`: how paths are named in errors, `ignored` and `changed`. */
export function targetPath({ attribute, schema, subAttribute }: PatchTarget): string {
  return `${schema ? `${schema}:` : ""}${attribute.name}${subAttribute ? `.${subAttribute.name}` : ""}`;
}

/** The canonical path of a target, keeping the value filter. */
export function canonicalPath(target: PatchTarget, valueFilter: PatchPath["valueFilter"]): PatchPath {
  return {
    ...(target.schema ? { schema: target.schema } : {}),
    name: target.attribute.name,
    ...(target.subAttribute ? { subAttr: target.subAttribute.name } : {}),
    ...(valueFilter ? { valueFilter } : {}),
  };
}

/** Whether the client may write the target: read-only ones are never written, write-only ones (password) are not stored. */
export function isWritable({ attribute, subAttribute }: PatchTarget): boolean {
  const stored = (a: ScimAttribute) => a.mutability !== "readOnly" && a.mutability !== "writeOnly";
  return stored(attribute) && (!subAttribute || stored(subAttribute));
}
