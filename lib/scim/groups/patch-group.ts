import type { Db } from "@/db/client";
import { checkIfMatch } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { applyPatch } from "../patch/apply-patch";
import { normalisePatch } from "../patch/normalise-patch";
import { planMembershipChanges } from "../patch/plan-membership-changes";
import { groupAttributes } from "../schemas/group-schema";
import { findGroup } from "./find-group";
import { readGroupDocument } from "./group-document";
import { updateGroup } from "./update-group";

/** PATCH /Groups/{id}: members change set-based, never by loading the member list; all or nothing. */
export async function patchGroup(tx: Db, context: ScimContext, id: string, body: unknown, request: Request): Promise<ScimResult> {
  const current = await findGroup(tx, context, id, { lock: true });
  checkIfMatch(request, current.version);
  const { operations, ignored } = normalisePatch(body, groupAttributes);
  const { memberChanges, otherOperations } = planMembershipChanges(operations);
  const start = { displayName: current.displayName, ...(current.externalId ? { externalId: current.externalId } : {}) };
  const { document } = applyPatch(start, otherOperations, groupAttributes);
  const { displayName, externalId } = readGroupDocument(document);
  return updateGroup(tx, context, current, { displayName, externalId, memberChanges, ignored }, request);
}
