import { and, asc, count, desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members } from "@/db/schema";
import { compileFilter, compileSortBy } from "../filter/compile-filter";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import type { ListRequest } from "../list/list-request";
import { fetchPage } from "../list/fetch-page";
import { listResponse } from "../list/list-response";
import { applyProjection, parseProjection, projectionWants } from "../list/projection";
import { userAttributes } from "../schemas/user-schema";
import { userFilterTarget } from "./user-filter-target";
import { selectUsers, userResource } from "./user-resource";
import { userScope } from "./user-scope";

/** GET /Users and POST /Users/.search: filtered, sorted and paged in SQL; ordered by id for stable pages. */
export async function listUsers(db: Db, context: ScimContext, list: ListRequest): Promise<ScimResult> {
  const projection = parseProjection(list.attributes, list.excludedAttributes, userAttributes);
  const where = and(userScope(context), list.filter ? compileFilter(list.filter, userFilterTarget) : undefined);
  const direction = list.descending ? desc : asc;
  const order = list.sortBy ? [direction(compileSortBy(list.sortBy, userFilterTarget)), asc(members.id)] : [direction(members.id)];

  const { rows, total } = await fetchPage(
    list,
    (limit, offset) => selectUsers(db, { where: where!, orderBy: order, limit, offset, withGroups: projectionWants(projection, "groups") }),
    async () => (await db.select({ n: count() }).from(members).where(where))[0]?.n ?? 0,
  );
  const resources = rows.map((row) => applyProjection(userResource(row, context), projection));
  return {
    response: listResponse(resources, total, list.startIndex),
    activity: { action: "scim.request", resourceType: "User", summary: `Listed users (${resources.length} of ${total})` },
  };
}
