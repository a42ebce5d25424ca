import { and, asc, count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryGroups } from "@/db/schema";
import { compileFilter, compileSortBy } from "../filter/compile-filter";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import type { ListRequest } from "../list/list-request";
import { fetchPage } from "../list/fetch-page";
import { listResponse } from "../list/list-response";
import { applyProjection, parseProjection, projectionWants } from "../list/projection";
import { groupAttributes } from "../schemas/group-schema";
import { groupFilterTarget } from "./group-filter-target";
import { loadGroupMembers } from "./group-members";
import { groupResource } from "./group-resource";

/** GET /Groups and POST /Groups/.search; members of the page's groups come in one query, unless excluded. */
export async function listGroups(db: Db, context: ScimContext, list: ListRequest): Promise<ScimResult> {
  const projection = parseProjection(list.attributes, list.excludedAttributes, groupAttributes);
  const where = and(eq(directoryGroups.directoryId, context.directory.id), list.filter ? compileFilter(list.filter, groupFilterTarget) : undefined);
  const direction = list.descending ? desc : asc;
  const order = list.sortBy ? [direction(compileSortBy(list.sortBy, groupFilterTarget)), asc(directoryGroups.id)] : [direction(directoryGroups.id)];

  const { rows, total } = await fetchPage(
    list,
    (limit, offset) => db.select().from(directoryGroups).where(where).orderBy(...order).limit(limit).offset(offset),
    async () => (await db.select({ n: count() }).from(directoryGroups).where(where))[0]?.n ?? 0,
  );
  const members = projectionWants(projection, "members") ? await loadGroupMembers(db, rows.map((row) => row.id)) : undefined;
  const resources = rows.map((row) => applyProjection(groupResource(row, members?.get(row.id), context), projection));
  return {
    response: listResponse(resources, total, list.startIndex),
    activity: { action: "scim.request", resourceType: "Group", summary: `Listed groups (${resources.length} of ${total})` },
  };
}
