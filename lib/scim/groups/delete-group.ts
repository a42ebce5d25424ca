import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryGroups } from "@/db/schema";
import { checkIfMatch } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { noContent } from "../http/scim-response";
import { findGroup } from "./find-group";

/** DELETE /Groups/{id}: the group and its memberships go; the users stay. */
export async function deleteGroup(tx: Db, context: ScimContext, id: string, request: Request): Promise<ScimResult> {
  const current = await findGroup(tx, context, id, { lock: true });
  checkIfMatch(request, current.version);
  await tx.delete(directoryGroups).where(eq(directoryGroups.id, id));
  return {
    response: noContent(),
    activity: { action: "group.deleted", resourceType: "Group", resourceId: id, summary: `Deleted group ${current.displayName}` },
  };
}
