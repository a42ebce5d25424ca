import type { directoryGroups } from "@/db/schema";
import { etagOf } from "../http/etag";
import type { ScimContext } from "../http/scim-context";
import { scimJson } from "../http/scim-response";
import { urns } from "../schemas/urns";
import type { GroupMemberRef } from "./group-members";

export type GroupRow = typeof directoryGroups.$inferSelect;

/** A directory group as a SCIM Group (RFC 7643 §4.2); `members` only when it was loaded. */
export function groupResource(row: GroupRow, members: GroupMemberRef[] | undefined, context: Pick<ScimContext, "baseUrl">): Record<string, unknown> {
  return {
    schemas: [urns.group],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.displayName,
    ...(members
      ? { members: members.map((m) => ({ value: m.value, display: m.display, type: m.type, $ref: `${context.baseUrl}/${m.type}s/${m.value}` })) }
      : {}),
    meta: {
      resourceType: "Group",
      created: new Date(row.createdAt).toISOString(),
      lastModified: new Date(row.updatedAt).toISOString(),
      location: `${context.baseUrl}/Groups/${row.id}`,
      version: etagOf(row.version),
    },
  };
}

export function groupResponse(row: GroupRow, members: GroupMemberRef[] | undefined, context: ScimContext, status = 200): Response {
  const headers: Record<string, string> = { etag: etagOf(row.version) };
  if (status === 201) headers.location = `${context.baseUrl}/Groups/${row.id}`;
  return scimJson(groupResource(row, members, context), status, headers);
}
