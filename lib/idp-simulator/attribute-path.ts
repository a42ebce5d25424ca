import { urns } from "@/lib/scim/schemas/urns";
import { get, getArray, isJsonObject } from "./json";

/** The path of an enterprise extension attribute, e.g. `<enterprise urn>:manager`. */
export const enterprise = (attribute: string) => `${urns.enterpriseUser}:${attribute}`;

const valueFilter = /^(\w+)\[(\w+) eq "([^"]*)"\](?:\.(\w+))?$/;

/**
 * Reads a SCIM attribute path from a resource: `name.familyName`, `<extension urn>:manager.value`,
 * and the one value-filter form IdPs use, `emails[type eq "work"].value`.
 */
export function readAttribute(resource: unknown, path: string): unknown {
  if (path.startsWith("urn:")) {
    const split = path.lastIndexOf(":");
    return get(resource, path.slice(0, split), ...path.slice(split + 1).split("."));
  }
  const filtered = valueFilter.exec(path);
  if (filtered) {
    const [, attribute = "", subAttribute = "", wanted, then] = filtered;
    const match = getArray(resource, attribute)?.find((item) => isJsonObject(item) && item[subAttribute] === wanted);
    return then ? get(match, then) : match;
  }
  return get(resource, ...path.split("."));
}
