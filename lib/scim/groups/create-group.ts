import type { Db } from "@/db/client";
import { directoryGroups } from "@/db/schema";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { coerceResource } from "../schemas/coerce-resource";
import { groupAttributes } from "../schemas/group-schema";
import { applyMembershipChanges } from "./apply-membership-changes";
import { readGroupDocument } from "./group-document";
import { loadGroupMembers } from "./group-members";
import { groupResponse } from "./group-resource";

/** POST /Groups: Entra sends no members and adds them by PATCH; Okta sends `members: []`. */
export async function createGroup(tx: Db, context: ScimContext, body: unknown): Promise<ScimResult> {
  const { document, ignored } = coerceResource(body, groupAttributes);
  const { displayName, externalId, memberIds } = readGroupDocument(document);
  const [group] = await tx.insert(directoryGroups).values({ directoryId: context.directory.id, displayName, externalId }).returning();
  const { added } = await applyMembershipChanges(tx, context, group!.id, memberIds?.length ? [{ kind: "add", ids: memberIds }] : []);
  const members = await loadGroupMembers(tx, [group!.id]);
  return {
    response: groupResponse(group!, members.get(group!.id), context, 201),
    activity: { action: "group.created", resourceType: "Group", resourceId: group!.id, summary: `Created group ${displayName} with ${added} members`, changes: { added, ignored } },
  };
}
