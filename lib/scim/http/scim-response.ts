import { ScimError } from "../errors";

export const scimContentType = "application/scim+json; charset=utf-8";

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": scimContentType, ...headers } });
}

export function scimErrorResponse(error: ScimError): Response {
  return scimJson(error.toJSON(), error.status, error.headers);
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers });
}
