/** An attribute definition as RFC 7643 §7 describes it; /Schemas serves these as they are. */
export type ScimAttributeType = "string" | "boolean" | "decimal" | "integer" | "dateTime" | "reference" | "complex";

export type ScimAttribute = {
  name: string;
  type: ScimAttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: "readOnly" | "readWrite" | "immutable" | "writeOnly";
  returned: "always" | "never" | "default" | "request";
  uniqueness: "none" | "server" | "global";
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: ScimAttribute[];
};

export type ScimSchema = {
  id: string;
  name: string;
  description: string;
  attributes: ScimAttribute[];
};

type Options = Partial<Omit<ScimAttribute, "name" | "type" | "description" | "subAttributes">>;

const defaults = {
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
} as const;

export function attribute(name: string, type: Exclude<ScimAttributeType, "complex">, description: string, options: Options = {}): ScimAttribute {
  return { name, type, ...defaults, description, ...options };
}

export function complexAttribute(name: string, description: string, subAttributes: ScimAttribute[], options: Options = {}): ScimAttribute {
  return { name, type: "complex", ...defaults, description, ...options, subAttributes };
}

/** Finds an attribute by name, ignoring case as SCIM requires. */
export function findAttribute(attributes: readonly ScimAttribute[] | undefined, name: string): ScimAttribute | undefined {
  const lower = name.toLowerCase();
  return attributes?.find((a) => a.name.toLowerCase() === lower);
}

/** A resource type's attributes: core ones (common ones included) and those of each extension schema, by URN. */
export type ResourceAttributes = { core: ScimAttribute[]; extensions: Record<string, ScimAttribute[]> };

/** Where an attribute name resolved to: `schema` is the extension URN for extension attributes, else undefined. */
export type ResolvedAttribute = { attribute: ScimAttribute; schema?: string };

/**
 * Resolves `name`, optionally qualified by a schema URN, ignoring case. An unqualified name is
 * looked up in the core schema first, then in the extensions (Entra sends `manager` bare).
 */
export function resolveAttribute(resource: ResourceAttributes, name: string, schema?: string): ResolvedAttribute | undefined {
  if (schema) {
    const extension = Object.keys(resource.extensions).find((urn) => urn.toLowerCase() === schema.toLowerCase());
    if (extension) {
      const found = findAttribute(resource.extensions[extension], name);
      return found && { attribute: found, schema: extension };
    }
    return undefined;
  }
  const core = findAttribute(resource.core, name);
  if (core) return { attribute: core };
  for (const [urn, attributes] of Object.entries(resource.extensions)) {
    const found = findAttribute(attributes, name);
    if (found) return { attribute: found, schema: urn };
  }
  return undefined;
}
