import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { members } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { mappableRoles } from "@/lib/mappings/group-mappings";

/** A rule of the product the change would break; its message is for the admin. */
export class MemberRoleError extends Error {}

export const setMemberRoleInput = z.object({
  memberId: z.uuid("Unknown member."),
  // Ownership is never handed out here, as by a directory.
  role: z.enum(mappableRoles, "Pick Admin, Member or Viewer."),
});

/**
 * An admin sets a member's role by hand. The owner's role is fixed, and a role that the
 * directory's group mappings manage can only change through the mappings.
 */
export async function setMemberRole(
  db: Db,
  { workspaceId, memberId, role, actorUserId }: z.output<typeof setMemberRoleInput> & { workspaceId: string; actorUserId?: string },
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    // Locked: a mapping recompute waits for this change, or this one sees the role became managed.
    const [member] = await tx
      .select({ name: sql<string>`coalesce(${members.displayName}, ${members.userName})`, role: members.role, managed: members.roleManagedByDirectory })
      .from(members)
      .where(and(eq(members.id, memberId), eq(members.workspaceId, workspaceId)))
      .for("no key update");
    if (!member) throw new MemberRoleError("That member is not in this workspace any more.");
    if (member.role === "owner") throw new MemberRoleError("The workspace owner’s role cannot be changed.");
    if (member.managed) {
      throw new MemberRoleError(`${member.name}’s role comes from the directory’s group mappings. Change the mapping on the directory’s Mappings tab instead.`);
    }
    if (member.role === role) return { changed: false };

    await tx.update(members).set({ role, version: sql`${members.version} + 1` }).where(eq(members.id, memberId));
    await recordActivity(tx, {
      action: "member.updated",
      workspaceId,
      actorUserId,
      memberId,
      resourceType: "User",
      resourceId: memberId,
      summary: `Changed ${member.name}’s role from ${member.role} to ${role}`,
      changes: { role: { from: member.role, to: role } },
    });
    return { changed: true };
  });
}
