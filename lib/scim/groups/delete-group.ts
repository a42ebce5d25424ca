import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryGroups } from "@/db/schema";
import { usersUnderGroups } from "@/lib/mappings/group-tree";
import { recomputeMemberAccess } from "@/lib/mappings/recompute-member-access";
import { checkIfMatch } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { noContent } from "../http/scim-response";
import { findGroup } from "./find-group";

/**
 * DELETE /Groups/{id}: the group and its memberships (and mapping) go; the users stay. Whoever was
 * in it, directly or through nested groups, gets their teams and role recomputed without it.
 */
export async function deleteGroup(tx: Db, context: ScimContext, id: string, request: Request): Promise<ScimResult> {
  const current = await findGroup(tx, context, id, { lock: true });
  checkIfMatch(request, current.version);
  // Collected before the delete: afterwards nothing links these users to the group.
  const users = await usersUnderGroups(tx, [id]);
  await tx.delete(directoryGroups).where(eq(directoryGroups.id, id));
  const access = await recomputeMemberAccess(tx, { directoryId: context.directory.id, memberIds: users });
  return {
    response: noContent(),
    activity: { action: "group.deleted", resourceType: "Group", resourceId: id, summary: `Deleted group ${current.displayName}`, changes: { access } },
  };
}
