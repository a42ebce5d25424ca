import type { Db } from "@/db/client";
import { notModified } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { scimJson } from "../http/scim-response";
import { applyProjection, parseProjection, projectionWants } from "../list/projection";
import { userAttributes } from "../schemas/user-schema";
import { findUser } from "./find-user";
import { userResource } from "./user-resource";
import { etagOf } from "../http/etag";

/** GET /Users/{id}, with attributes/excludedAttributes and If-None-Match. */
export async function getUser(db: Db, context: ScimContext, id: string, request: Request): Promise<ScimResult> {
  const params = new URL(request.url).searchParams;
  const projection = parseProjection(params.get("attributes"), params.get("excludedAttributes"), userAttributes);
  const row = await findUser(db, context, id, projectionWants(projection, "groups"));
  const activity = { action: "scim.request" as const, resourceType: "User" as const, resourceId: id, memberId: id, summary: `Read ${row.userName}` };
  const headers = { etag: etagOf(row.version) };
  if (notModified(request, row.version)) return { response: new Response(null, { status: 304, headers }), activity };
  return { response: scimJson(applyProjection(userResource(row, context), projection), 200, headers), activity };
}
