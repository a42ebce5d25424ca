import type { Db } from "@/db/client";
import { etagOf, notModified } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { scimJson } from "../http/scim-response";
import { applyProjection, parseProjection, projectionWants } from "../list/projection";
import { groupAttributes } from "../schemas/group-schema";
import { findGroup } from "./find-group";
import { loadGroupMembers } from "./group-members";
import { groupResource } from "./group-resource";

/** GET /Groups/{id}; `excludedAttributes=members` never loads the members. */
export async function getGroup(db: Db, context: ScimContext, id: string, request: Request): Promise<ScimResult> {
  const params = new URL(request.url).searchParams;
  const projection = parseProjection(params.get("attributes"), params.get("excludedAttributes"), groupAttributes);
  const row = await findGroup(db, context, id);
  const activity = { action: "scim.request" as const, resourceType: "Group" as const, resourceId: id, summary: `Read group ${row.displayName}` };
  const headers = { etag: etagOf(row.version) };
  if (notModified(request, row.version)) return { response: new Response(null, { status: 304, headers }), activity };
  const members = projectionWants(projection, "members") ? (await loadGroupMembers(db, [row.id])).get(row.id) : undefined;
  return { response: scimJson(applyProjection(groupResource(row, members, context), projection), 200, headers), activity };
}
