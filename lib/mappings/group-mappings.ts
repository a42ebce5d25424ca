import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { pgErrorFields } from "@/db/pg-error";
import { queryRows } from "@/db/rows";
import { directoryConnections, directoryGroups, groupMappings, teams, type MemberRole } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { recomputeMemberAccess, type RecomputeCounts } from "./recompute-member-access";

/** A rule of the product broken by the request (unknown group or team, a second admin group…); its message is for the admin. */
export class GroupMappingError extends Error {}

/** Roles a mapping may grant: ownership is never handed out by a directory. */
export const mappableRoles = ["admin", "member", "viewer"] as const satisfies readonly MemberRole[];

const target = {
  workspaceId: z.uuid(),
  directoryId: z.uuid(),
  groupId: z.uuid(),
  actorUserId: z.string().optional(),
};

export const setGroupMappingInput = z
  .object({
    ...target,
    teamId: z.uuid().nullish(),
    role: z.enum(mappableRoles).nullish(),
    isAdminGroup: z.boolean().default(false),
    /** Required to make this group the admin group while another group of the directory is. */
    moveAdminGroup: z.boolean().default(false),
  })
  .refine((input) => input.teamId || input.role || input.isAdminGroup, {
    message: "Map the group to a team, a role, or make it the admin group (or remove its mapping).",
  });
export type SetGroupMappingInput = z.input<typeof setGroupMappingInput>;

export const removeGroupMappingInput = z.object(target);
export type RemoveGroupMappingInput = z.input<typeof removeGroupMappingInput>;

export type MappingValues = { teamId: string | null; role: MemberRole | null; isAdminGroup: boolean };

export type GroupMappingResult = {
  /** False when the mapping already was as asked (or, on removal, there was none): nothing was written. */
  changed: boolean;
  mapping: MappingValues | null;
  access: RecomputeCounts | null;
};

/**
 * Maps a directory group to a team and/or a role, or makes it the directory's admin group, and
 * recomputes the access of every user in the group and the groups nested in it, in one
 * transaction. The whole mapping is replaced: an omitted team or role means none.
 */
export async function setGroupMapping(db: Db, input: SetGroupMappingInput): Promise<GroupMappingResult> {
  const { workspaceId, directoryId, groupId, teamId, role, isAdminGroup, moveAdminGroup, actorUserId } = parse(setGroupMappingInput, input);
  const wanted: MappingValues = { teamId: teamId ?? null, role: role ?? null, isAdminGroup };

  const written = db.transaction(async (tx) => {
    const group = await findGroup(tx, workspaceId, directoryId, groupId);
    const team = wanted.teamId ? await findTeam(tx, workspaceId, wanted.teamId) : null;
    const current = await lockMapping(tx, groupId);
    if (current && sameMapping(current, wanted)) return { changed: false, mapping: current, access: null };

    const affectedGroups = [groupId];
    let previousAdminGroup: { groupId: string; displayName: string } | null = null;
    if (wanted.isAdminGroup) {
      previousAdminGroup = await currentAdminGroup(tx, directoryId, groupId);
      if (previousAdminGroup) {
        if (!moveAdminGroup) {
          throw new GroupMappingError(`"${previousAdminGroup.displayName}" is the admin group of this directory. Move the admin group explicitly to make "${group.displayName}" the admin group instead.`);
        }
        await tx.update(groupMappings).set({ isAdminGroup: false }).where(eq(groupMappings.groupId, previousAdminGroup.groupId));
        // A mapping that only made its group the admin group maps nothing any more.
        await tx.delete(groupMappings).where(and(eq(groupMappings.groupId, previousAdminGroup.groupId), sql`${groupMappings.teamId} is null and ${groupMappings.role} is null`));
        affectedGroups.push(previousAdminGroup.groupId);
      }
    }

    await tx
      .insert(groupMappings)
      .values({ directoryId, groupId, ...wanted })
      .onConflictDoUpdate({ target: groupMappings.groupId, set: { ...wanted, updatedAt: sql`now()` } });
    const access = await recomputeMemberAccess(tx, { directoryId, groupIds: affectedGroups });

    await recordActivity(tx, {
      action: "mapping.changed",
      workspaceId,
      directoryId,
      actorUserId,
      resourceType: "Group",
      resourceId: groupId,
      summary: `Mapped group "${group.displayName}": ${describe(wanted, team?.name)}${previousAdminGroup ? ` (admin group moved from "${previousAdminGroup.displayName}")` : ""}`,
      changes: { from: current, to: wanted, ...(previousAdminGroup ? { previousAdminGroupId: previousAdminGroup.groupId } : {}), access },
    });
    return { changed: true, mapping: wanted, access };
  });
  return written.catch((error: unknown) => {
    const fields = pgErrorFields(error);
    if (fields?.code === "23505" && (fields.constraint_name ?? fields.constraint) === "group_mappings_one_admin_group_idx") {
      throw new GroupMappingError("Another admin changed this directory's admin group at the same moment. Reload the page to see it, then try again.");
    }
    throw error;
  });
}

/** Removes a group's own mapping and recomputes the access of the users it reached, in one transaction. */
export async function removeGroupMapping(db: Db, input: RemoveGroupMappingInput): Promise<GroupMappingResult> {
  const { workspaceId, directoryId, groupId, actorUserId } = parse(removeGroupMappingInput, input);
  return db.transaction(async (tx) => {
    const group = await findGroup(tx, workspaceId, directoryId, groupId);
    const current = await lockMapping(tx, groupId);
    if (!current) return { changed: false, mapping: null, access: null };

    await tx.delete(groupMappings).where(eq(groupMappings.groupId, groupId));
    const access = await recomputeMemberAccess(tx, { directoryId, groupIds: [groupId] });
    await recordActivity(tx, {
      action: "mapping.removed",
      workspaceId,
      directoryId,
      actorUserId,
      resourceType: "Group",
      resourceId: groupId,
      summary: `Removed the mapping of group "${group.displayName}"`,
      changes: { from: current, access },
    });
    return { changed: true, mapping: null, access };
  });
}

export type MappingSource = MappingValues & { groupId: string; groupName: string; teamName: string | null };

export type GroupMappingItem = {
  groupId: string;
  displayName: string;
  /** The group's own mapping, if it has one. */
  own: MappingSource | null;
  /**
   * The mappings of its nearest mapped ancestors (usually one; several when the group is nested in
   * more than one mapped group at the same distance). The group's users get these as well as its own.
   */
  inherited: MappingSource[];
};

/** The directory's groups that have a mapping of their own or inherit one, by name. */
export async function listGroupMappings(db: Db, directoryId: string): Promise<GroupMappingItem[]> {
  const rows = await queryRows<{
    group_id: string;
    display_name: string;
    source_group_id: string;
    source_group_name: string;
    depth: number;
    team_id: string | null;
    team_name: string | null;
    role: MemberRole | null;
    is_admin_group: boolean;
  }>(
    db,
    sql`
    with recursive up (group_id, ancestor_id, depth, path) as (
      select id, id, 0, array[id] from directory_groups where directory_id = ${directoryId}
      union all
      select up.group_id, c.group_id, up.depth + 1, up.path || c.group_id
        from up join directory_group_children c on c.child_group_id = up.ancestor_id
       where c.group_id <> all(up.path)
    ),
    mapped as (
      select up.group_id, up.ancestor_id, up.depth, gm.team_id, gm.role, gm.is_admin_group,
             min(up.depth) filter (where up.depth > 0) over (partition by up.group_id) as nearest
        from up join group_mappings gm on gm.group_id = up.ancestor_id
    )
    select mapped.group_id, g.display_name, mapped.ancestor_id as source_group_id, a.display_name as source_group_name, mapped.depth,
           mapped.team_id, t.name as team_name, mapped.role, mapped.is_admin_group
      from mapped
      join directory_groups g on g.id = mapped.group_id
      join directory_groups a on a.id = mapped.ancestor_id
      left join teams t on t.id = mapped.team_id
     where mapped.depth = 0 or mapped.depth = mapped.nearest
     order by lower(g.display_name), g.id, mapped.depth, lower(a.display_name)`,
  );

  const items = new Map<string, GroupMappingItem>();
  for (const row of rows) {
    const item = items.get(row.group_id) ?? { groupId: row.group_id, displayName: row.display_name, own: null, inherited: [] };
    items.set(row.group_id, item);
    const source: MappingSource = {
      groupId: row.source_group_id,
      groupName: row.source_group_name,
      teamId: row.team_id,
      teamName: row.team_name,
      role: row.role,
      isAdminGroup: row.is_admin_group,
    };
    if (row.depth === 0) item.own = source;
    else item.inherited.push(source);
  }
  return [...items.values()];
}

function parse<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new GroupMappingError(parsed.error.issues[0]?.message ?? "The mapping is not valid.");
  return parsed.data;
}

async function findGroup(tx: Db, workspaceId: string, directoryId: string, groupId: string) {
  const [group] = await tx
    .select({ id: directoryGroups.id, displayName: directoryGroups.displayName })
    .from(directoryGroups)
    .innerJoin(directoryConnections, eq(directoryConnections.id, directoryGroups.directoryId))
    .where(and(eq(directoryGroups.id, groupId), eq(directoryGroups.directoryId, directoryId), eq(directoryConnections.workspaceId, workspaceId)));
  if (!group) throw new GroupMappingError("This group does not exist in this directory (the identity provider may have deleted it).");
  return group;
}

async function findTeam(tx: Db, workspaceId: string, teamId: string) {
  const [team] = await tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.workspaceId, workspaceId)));
  if (!team) throw new GroupMappingError("This team does not exist in this workspace.");
  return team;
}

async function lockMapping(tx: Db, groupId: string): Promise<MappingValues | null> {
  const [row] = await tx
    .select({ teamId: groupMappings.teamId, role: groupMappings.role, isAdminGroup: groupMappings.isAdminGroup })
    .from(groupMappings)
    .where(eq(groupMappings.groupId, groupId))
    .for("update");
  return row ?? null;
}

async function currentAdminGroup(tx: Db, directoryId: string, exceptGroupId: string) {
  const [row] = await tx
    .select({ groupId: groupMappings.groupId, displayName: directoryGroups.displayName })
    .from(groupMappings)
    .innerJoin(directoryGroups, eq(directoryGroups.id, groupMappings.groupId))
    .where(and(eq(groupMappings.directoryId, directoryId), eq(groupMappings.isAdminGroup, true), ne(groupMappings.groupId, exceptGroupId)))
    .for("update", { of: groupMappings });
  return row ?? null;
}

const sameMapping = (a: MappingValues, b: MappingValues) => a.teamId === b.teamId && a.role === b.role && a.isAdminGroup === b.isAdminGroup;

function describe({ role, isAdminGroup }: MappingValues, teamName: string | undefined): string {
  return [teamName ? `team "${teamName}"` : "", role ? `role ${role}` : "", isAdminGroup ? "admin group" : ""].filter(Boolean).join(", ");
}
