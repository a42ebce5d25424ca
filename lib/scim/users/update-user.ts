import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, type Member } from "@/db/schema";
import type { ScimContext } from "../http/scim-context";
import type { ScimResult } from "../http/scim-result";
import { prepareProfile } from "./prepare-profile";
import type { ScimDocument } from "../schemas/coerce-resource";
import { userColumns } from "./user-resource";
import { findUser } from "./find-user";
import { userResponse } from "./write-user-response";

/**
 * Writes a User document over a locked member (PUT and PATCH end here). `active` left out keeps
 * the member's status. Nothing changed → nothing written, the version stays.
 */
export async function updateUser(tx: Db, context: ScimContext, current: Member, document: ScimDocument, ignored: string[]): Promise<ScimResult> {
  const { values, active } = await prepareProfile(tx, context, document);
  const status = active === undefined ? current.status : active ? "active" : "suspended";
  const next = { ...values, status };
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter((key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]));

  const base = { resourceType: "User" as const, resourceId: current.id, memberId: current.id };
  if (changed.length === 0) {
    const row = await findUser(tx, context, current.id, true);
    return { response: userResponse(row, context), activity: { ...base, action: "scim.request", summary: `No change to ${current.userName}`, changes: { ignored } } };
  }

  const [row] = await tx
    .update(members)
    .set({ ...next, version: sql`${members.version} + 1` })
    .where(eq(members.id, current.id))
    .returning(userColumns(true));
  const action =
    status !== current.status ? (status === "active" ? "member.reactivated" : "member.suspended") : "member.updated";
  const verb = { "member.reactivated": "Reactivated", "member.suspended": "Suspended", "member.updated": "Updated" }[action];
  return {
    response: userResponse(row!, context),
    activity: { ...base, action, summary: `${verb} ${row!.userName}`, changes: { changed, ignored } },
  };
}
