import { and, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { containsPattern } from "@/db/like-pattern";
import { activityEvents, activityKinds, directoryConnections, members, users, type ActivityEvent } from "@/db/schema";

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * What the activity log can be narrowed to. The keys are also the query-string names of the page,
 * its API and the CSV export, so a filtered view's URL can be shared as is.
 */
export const activityFilterInput = z.object({
  kind: z.enum(activityKinds).optional(),
  /** Failed requests and events that carry an error. */
  errorsOnly: z.union([z.boolean(), z.stringbool()]).optional(),
  directoryId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  /** First and last day, both included, in `tz`. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** The viewer's time zone, which decides where `from` and `to` begin and end. */
  tz: z.string().max(64).refine(isTimeZone, "Unknown time zone").default("UTC"),
  search: z.string().trim().max(200).optional(),
});
export type ActivityFilterInput = z.input<typeof activityFilterInput>;
export type ActivityFilter = z.output<typeof activityFilterInput>;

export const listActivityInput = activityFilterInput.extend({
  /** The id of the last event of the previous page. */
  cursor: z.string().regex(/^\d{1,15}$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListActivityInput = z.input<typeof listActivityInput>;

export type ActivityListItem = Pick<
  ActivityEvent,
  | "id" | "kind" | "action" | "summary" | "method" | "path" | "status" | "latencyMs" | "userAgent"
  | "resourceType" | "resourceId" | "changes" | "error" | "directoryId" | "memberId" | "actorUserId"
> & {
  createdAt: string;
  directoryName: string | null;
  /** Null when the event names no member or the member has since been purged. */
  memberName: string | null;
  actorName: string | null;
};

export type ActivityPage = { events: ActivityListItem[]; nextCursor: string | null };

/** The one translation of a filter into SQL, shared by the page and the CSV export. */
export function activityWhere(workspaceId: string, filter: ActivityFilter): SQL | undefined {
  const e = activityEvents;
  const conditions: (SQL | undefined)[] = [eq(e.workspaceId, workspaceId)];
  if (filter.kind) conditions.push(eq(e.kind, filter.kind));
  // Written exactly as the predicate of activity_events_workspace_errors_idx, so the planner can use it.
  if (filter.errorsOnly) conditions.push(sql`(${e.status} >= 400 or ${e.error} is not null)`);
  if (filter.directoryId) conditions.push(eq(e.directoryId, filter.directoryId));
  if (filter.memberId) conditions.push(eq(e.memberId, filter.memberId));
  if (filter.from) conditions.push(gte(e.createdAt, sql`(${filter.from}::date)::timestamp at time zone ${filter.tz}`));
  if (filter.to) conditions.push(lt(e.createdAt, sql`(${filter.to}::date + 1)::timestamp at time zone ${filter.tz}`));
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    conditions.push(or(...[e.summary, e.path, e.action, e.error, e.userAgent].map((column) => ilike(column, pattern))));
  }
  return and(...conditions);
}

/** One page of a workspace's activity, newest first. */
export async function listActivity(db: Db, workspaceId: string, input: ListActivityInput = {}): Promise<ActivityPage> {
  const { cursor, limit, ...filter } = listActivityInput.parse(input);
  return fetchActivityPage(db, workspaceId, filter, cursor === undefined ? undefined : Number(cursor), limit);
}

/**
 * Events older than `beforeId`, by `id desc`: keyset paging, so the thousandth page costs what the
 * first does. Also used by the CSV export with larger batches.
 */
export async function fetchActivityPage(db: Db, workspaceId: string, filter: ActivityFilter, beforeId: number | undefined, limit: number): Promise<ActivityPage> {
  const rows = await activityPageQuery(db, workspaceId, filter, beforeId, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString() })),
    nextCursor: rows.length > limit && last ? String(last.id) : null,
  };
}

/** The statement behind a page, up to `limit` rows (exported for the query-plan test). */
export function activityPageQuery(db: Db, workspaceId: string, filter: ActivityFilter, beforeId: number | undefined, limit: number) {
  const e = activityEvents;
  return db
    .select({
      id: e.id,
      createdAt: e.createdAt,
      kind: e.kind,
      action: e.action,
      summary: e.summary,
      method: e.method,
      path: e.path,
      status: e.status,
      latencyMs: e.latencyMs,
      userAgent: e.userAgent,
      resourceType: e.resourceType,
      resourceId: e.resourceId,
      changes: e.changes,
      error: e.error,
      directoryId: e.directoryId,
      directoryName: directoryConnections.name,
      memberId: e.memberId,
      memberName: sql<string | null>`coalesce(${members.displayName}, ${members.userName})`,
      actorUserId: e.actorUserId,
      actorName: sql<string | null>`coalesce(${users.name}, ${users.email})`,
    })
    .from(e)
    // The workspace conditions on the joins keep another workspace's names out even of a corrupt row.
    .leftJoin(directoryConnections, and(eq(directoryConnections.id, e.directoryId), eq(directoryConnections.workspaceId, e.workspaceId)))
    .leftJoin(members, and(eq(members.id, e.memberId), eq(members.workspaceId, e.workspaceId)))
    .leftJoin(users, eq(users.id, e.actorUserId))
    .where(and(activityWhere(workspaceId, filter), beforeId === undefined ? undefined : lt(e.id, beforeId)))
    // "nulls last" as in the indexes (drizzle-kit writes `desc nulls last`); a plain `desc` means
    // nulls first, which PostgreSQL will not read from those indexes.
    .orderBy(sql`${e.id} desc nulls last`)
    .limit(limit);
}
