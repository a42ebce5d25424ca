import type { Db } from "@/db/client";
import { checkIfMatch } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { coerceResource } from "../schemas/coerce-resource";
import { userAttributes } from "../schemas/user-schema";
import { lockUser } from "./find-user";
import { updateUser } from "./update-user";

/** PUT /Users/{id}: the body replaces every attribute; omitted ones are cleared (RFC 7644 §3.5.1). */
export async function replaceUser(tx: Db, context: ScimContext, id: string, body: unknown, request: Request): Promise<ScimResult> {
  const current = await lockUser(tx, context, id);
  checkIfMatch(request, current.version);
  const { document, ignored } = coerceResource(body, userAttributes);
  return updateUser(tx, context, current, document, ignored);
}
