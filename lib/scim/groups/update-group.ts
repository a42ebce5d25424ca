import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryGroups } from "@/db/schema";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { noContent } from "../http/scim-response";
import type { MembershipChange } from "../patch/plan-membership-changes";
import { applyMembershipChanges } from "./apply-membership-changes";
import { groupResponse, type GroupRow } from "./group-resource";
import { loadGroupMembers } from "./group-members";

export type GroupUpdate = { displayName: string; externalId: string | null; memberChanges: MembershipChange[]; ignored: string[] };

/**
 * Writes new attributes and membership changes to a locked group (PUT and PATCH end here) and
 * bumps its version when anything changed. Answers 204 unless the client asked for attributes.
 */
export async function updateGroup(tx: Db, context: ScimContext, current: GroupRow, update: GroupUpdate, request: Request): Promise<ScimResult> {
  const counts = await applyMembershipChanges(tx, context, current.id, update.memberChanges);
  const renamed = update.displayName !== current.displayName;
  const changed = renamed || update.externalId !== current.externalId || counts.added > 0 || counts.removed > 0;

  const row = changed
    ? (
        await tx
          .update(directoryGroups)
          .set({ displayName: update.displayName, externalId: update.externalId, version: sql`${directoryGroups.version} + 1` })
          .where(eq(directoryGroups.id, current.id))
          .returning()
      )[0]!
    : current;

  const params = new URL(request.url).searchParams;
  const wantsBody = params.has("attributes") || params.has("excludedAttributes");
  const withMembers = wantsBody && !/(^|,)\s*members\s*(,|$)/i.test(params.get("excludedAttributes") ?? "");
  const members = withMembers ? (await loadGroupMembers(tx, [row.id])).get(row.id) : undefined;

  const parts = [
    renamed ? `renamed to ${update.displayName}` : "",
    counts.added ? `${counts.added} members added` : "",
    counts.removed ? `${counts.removed} members removed` : "",
  ].filter(Boolean);
  return {
    response: wantsBody ? groupResponse(row, members, context) : noContent(),
    activity: {
      action: changed ? "group.updated" : "scim.request",
      resourceType: "Group",
      resourceId: row.id,
      summary: changed ? `Group ${row.displayName}: ${parts.join(", ") || "externalId changed"}` : `No change to group ${row.displayName}`,
      changes: { ...counts, ...(renamed ? { displayName: { from: current.displayName, to: update.displayName } } : {}), ignored: update.ignored },
    },
  };
}
