import type { Db } from "@/db/client";
import { checkIfMatch } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { applyPatch } from "../patch/apply-patch";
import { normalisePatch } from "../patch/normalise-patch";
import { userAttributes } from "../schemas/user-schema";
import { lockUser } from "./find-user";
import { updateUser } from "./update-user";
import { memberToDocument } from "./user-document";

/** PATCH /Users/{id}: every IdP's shape, normalised, then applied all at once or not at all. */
export async function patchUser(tx: Db, context: ScimContext, id: string, body: unknown, request: Request): Promise<ScimResult> {
  const current = await lockUser(tx, context, id);
  checkIfMatch(request, current.version);
  const { operations, ignored } = normalisePatch(body, userAttributes);
  const { document } = applyPatch(memberToDocument(current), operations, userAttributes);
  return updateUser(tx, context, current, document, ignored);
}
