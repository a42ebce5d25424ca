import { and, eq, isNull, type SQL } from "drizzle-orm";
import { members } from "@/db/schema";
import type { ScimContext } from "../http/scim-context";

/** The members a directory sees: its own, not removed. The workspace term lets userName lookups use their index. */
export function userScope(context: ScimContext): SQL {
  return and(
    eq(members.workspaceId, context.workspace.id),
    eq(members.directoryId, context.directory.id),
    isNull(members.directoryRemovedAt),
  )!;
}
