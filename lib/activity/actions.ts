import type { ActivityKind } from "@/db/schema";

/** Every activity action and the kind it is filed under. */
export const activityActions = {
  "scim.request": "scim_request",
  "member.provisioned": "member",
  "member.linked": "member",
  "member.updated": "member",
  "member.suspended": "member",
  "member.reactivated": "member",
  "member.removed": "member",
  "member.purged": "member",
  "mail.sent": "member",
  "mail.failed": "member",
  "group.created": "group",
  "group.updated": "group",
  "group.deleted": "group",
  "token.created": "token",
  "token.rotated": "token",
  "token.revoked": "token",
  "directory.created": "admin",
  "directory.updated": "admin",
  "directory.enabled": "admin",
  "directory.disabled": "admin",
  "directory.connection_tested": "admin",
  "mapping.changed": "admin",
  "mapping.removed": "admin",
  "sync.started": "sync",
  "sync.resumed": "sync",
  "sync.finished": "sync",
  "sync.failed": "sync",
} as const satisfies Record<string, ActivityKind>;

export type ActivityAction = keyof typeof activityActions;
