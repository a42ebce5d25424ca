import { ScimError } from "../errors";

export const etagOf = (version: number) => `W/"${version}"`;

function listed(header: string, version: number): boolean {
  const tags = header.split(",").map((t) => t.trim());
  return tags.includes("*") || tags.some((t) => t.replace(/^W\//, "") === `"${version}"`);
}

/** RFC 7644 §3.14: a write with a stale If-Match is refused, so a client never overwrites a change it has not seen. */
export function checkIfMatch(request: Request, version: number): void {
  const header = request.headers.get("if-match");
  if (header && !listed(header, version)) {
    throw new ScimError(412, `The resource has changed (its version is now ${etagOf(version)}); read it again and retry.`);
  }
}

export function notModified(request: Request, version: number): boolean {
  const header = request.headers.get("if-none-match");
  return header !== null && listed(header, version);
}
