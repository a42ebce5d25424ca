import { resolveAttribute, type ResourceAttributes } from "../schemas/attribute";

/** `attributes` / `excludedAttributes` (RFC 7644 §3.9), as canonical key chains: ["name","givenName"], [urn, "manager"]. */
export type Projection = { only?: string[][]; excluded: string[][] };

const alwaysReturned = new Set(["id", "schemas"]);

function splitList(value: string | null | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Turns `name.givenName`, `urn:…:enterprise:2.0:User:manager` or a bare extension URN into a key chain; unknown names are dropped. */
function toChain(path: string, resource: ResourceAttributes): string[] | undefined {
  const extension = Object.keys(resource.extensions).find((urn) => urn.toLowerCase() === path.toLowerCase());
  if (extension) return [extension];
  const colon = path.lastIndexOf(":");
  const schema = colon > 0 ? path.slice(0, colon) : undefined;
  const [name = "", sub] = (colon > 0 ? path.slice(colon + 1) : path).split(".");
  const coreSchema = schema && /^urn:ietf:params:scim:schemas:core:2\.0:/i.test(schema) ? undefined : schema;
  const resolved = resolveAttribute(resource, name, coreSchema);
  if (!resolved) return undefined;
  const chain = resolved.schema ? [resolved.schema, resolved.attribute.name] : [resolved.attribute.name];
  if (sub) {
    const subAttribute = resolved.attribute.subAttributes?.find((s) => s.name.toLowerCase() === sub.toLowerCase());
    if (!subAttribute) return undefined;
    chain.push(subAttribute.name);
  }
  return chain;
}

export function parseProjection(attributes: string | null | undefined, excludedAttributes: string | null | undefined, resource: ResourceAttributes): Projection {
  const chains = (list: string | null | undefined) =>
    splitList(list)
      .map((p) => toChain(p, resource))
      .filter((chain): chain is string[] => chain !== undefined);
  const only = splitList(attributes).length ? chains(attributes) : undefined;
  return { only, excluded: chains(excludedAttributes).filter((chain) => !alwaysReturned.has(chain[0]!)) };
}

/** Whether a top-level attribute (or extension URN) will be in the response: callers skip loading what is not. */
export function projectionWants(projection: Projection, key: string): boolean {
  if (projection.excluded.some((chain) => chain.length === 1 && chain[0] === key)) return false;
  return !projection.only || alwaysReturned.has(key) || projection.only.some((chain) => chain[0] === key);
}

export function applyProjection(resource: Record<string, unknown>, projection: Projection): Record<string, unknown> {
  let result: Record<string, unknown> = resource;
  if (projection.only) {
    result = Object.fromEntries(Object.entries(resource).filter(([key]) => alwaysReturned.has(key)));
    for (const chain of projection.only) copyChain(resource, result, chain);
  }
  for (const chain of projection.excluded) result = withoutChain(result, chain);
  return result;
}

function copyChain(from: Record<string, unknown>, to: Record<string, unknown>, chain: string[]) {
  const [head, ...rest] = chain;
  const value = from[head!];
  if (value === undefined) return;
  if (rest.length === 0) {
    to[head!] = value;
    return;
  }
  if (Array.isArray(value)) {
    to[head!] = value.map((element: Record<string, unknown>) => pickKey(element, rest[0]!));
  } else if (typeof value === "object" && value !== null) {
    const target = (to[head!] ??= {}) as Record<string, unknown>;
    copyChain(value as Record<string, unknown>, target, rest);
  }
}

function pickKey(element: Record<string, unknown>, key: string) {
  return key in element ? { [key]: element[key] } : {};
}

function withoutChain(resource: Record<string, unknown>, chain: string[]): Record<string, unknown> {
  const [head, ...rest] = chain;
  if (!(head! in resource)) return resource;
  const { [head!]: value, ...others } = resource;
  if (rest.length === 0) return others;
  if (Array.isArray(value)) {
    return { ...others, [head!]: value.map((element: Record<string, unknown>) => withoutChain(element, rest)) };
  }
  if (typeof value === "object" && value !== null) return { ...others, [head!]: withoutChain(value as Record<string, unknown>, rest) };
  return resource;
}
