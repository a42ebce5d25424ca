import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryGroupMembers, members } from "@/db/schema";
import { recomputeMemberAccess } from "@/lib/mappings/recompute-member-access";
import { checkIfMatch } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { noContent } from "../http/scim-response";
import { lockUser } from "./find-user";

/**
 * DELETE /Users/{id}: the user leaves the directory (404 from now on) and its groups, and with them
 * the teams and role its groups gave it; the member is suspended, keeps its data, and is purged
 * after the retention window unless re-provisioned.
 */
export async function deleteUser(tx: Db, context: ScimContext, id: string, request: Request): Promise<ScimResult> {
  const current = await lockUser(tx, context, id);
  checkIfMatch(request, current.version);
  await tx.delete(directoryGroupMembers).where(eq(directoryGroupMembers.memberId, id));
  // While the member is still the directory's: out of every group, it keeps no team or role from it.
  const access = await recomputeMemberAccess(tx, { directoryId: context.directory.id, memberIds: [id] });
  await tx
    .update(members)
    .set({
      status: "suspended",
      directoryRemovedAt: sql`now()`,
      purgeAfter: sql`now() + make_interval(days => ${context.directory.retentionDays})`,
      version: sql`${members.version} + 1`,
    })
    .where(eq(members.id, id));
  return {
    response: noContent(),
    activity: {
      action: "member.removed",
      resourceType: "User",
      resourceId: id,
      memberId: id,
      summary: `Removed ${current.userName} from the directory; suspended, purged in ${context.directory.retentionDays} days unless re-provisioned`,
      changes: { access },
    },
  };
}
