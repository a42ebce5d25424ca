import type { Db } from "@/db/client";
import { checkIfMatch } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { coerceResource } from "../schemas/coerce-resource";
import { groupAttributes } from "../schemas/group-schema";
import { findGroup } from "./find-group";
import { readGroupDocument } from "./group-document";
import { updateGroup } from "./update-group";

/** PUT /Groups/{id}: the body's members become the whole member list (none given → none kept). */
export async function replaceGroup(tx: Db, context: ScimContext, id: string, body: unknown, request: Request): Promise<ScimResult> {
  const current = await findGroup(tx, context, id, { lock: true });
  checkIfMatch(request, current.version);
  const { document, ignored } = coerceResource(body, groupAttributes);
  const { displayName, externalId, memberIds } = readGroupDocument(document);
  return updateGroup(tx, context, current, { displayName, externalId, memberChanges: [{ kind: "replace", ids: memberIds ?? [] }], ignored }, request);
}
