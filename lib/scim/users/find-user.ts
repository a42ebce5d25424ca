import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, type Member } from "@/db/schema";
import { notFound } from "../errors";
import type { ScimContext } from "../http/scim-context";
import { isUuid } from "../is-uuid";
import { userScope } from "./user-scope";
import { selectUsers, type UserRow } from "./user-resource";

const missing = (id: string) => notFound(`No user with id "${id}" in this directory.`);

/**
 * A user of the directory, locked for the rest of the transaction. `no key update`, not `update`:
 * a group PATCH adding this user only takes a key-share lock on it, and must not deadlock with us.
 */
export async function lockUser(tx: Db, context: ScimContext, id: string): Promise<Member> {
  if (!isUuid(id)) throw missing(id);
  const [row] = await tx.select().from(members).where(and(eq(members.id, id), userScope(context))).for("no key update");
  if (!row) throw missing(id);
  return row;
}

export async function findUser(db: Db, context: ScimContext, id: string, withGroups: boolean): Promise<UserRow> {
  if (!isUuid(id)) throw missing(id);
  const [row] = await selectUsers(db, { where: and(eq(members.id, id), userScope(context))!, orderBy: [sql`1`], limit: 1, withGroups });
  if (!row) throw missing(id);
  return row;
}
