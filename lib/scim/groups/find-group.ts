import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryGroups } from "@/db/schema";
import { notFound } from "../errors";
import type { ScimContext } from "../http/scim-context";
import { isUuid } from "../is-uuid";
import type { GroupRow } from "./group-resource";

/**
 * A group of the directory; `lock` holds it for the rest of the transaction, so concurrent PATCHes
 * queue up (`no key update`: nesting it in another group only needs a key-share lock on it).
 */
export async function findGroup(db: Db, context: ScimContext, id: string, { lock = false } = {}): Promise<GroupRow> {
  const missing = notFound(`No group with id "${id}" in this directory.`);
  if (!isUuid(id)) throw missing;
  const query = db
    .select()
    .from(directoryGroups)
    .where(and(eq(directoryGroups.id, id), eq(directoryGroups.directoryId, context.directory.id)));
  const [row] = lock ? await query.for("no key update") : await query;
  if (!row) throw missing;
  return row;
}
