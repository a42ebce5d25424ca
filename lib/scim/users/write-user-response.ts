import { etagOf } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import { scimJson } from "../http/scim-response";
import { userResource, type UserRow } from "./user-resource";

/** A User in a response, with its ETag (and Location when it was just created). */
export function userResponse(row: UserRow, context: ScimContext, status = 200): Response {
  const resource = userResource(row, context);
  const headers: Record<string, string> = { etag: etagOf(row.version) };
  if (status === 201) headers.location = `${context.baseUrl}/Users/${row.id}`;
  return scimJson(resource, status, headers);
}
