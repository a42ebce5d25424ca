import type { ActivityAction } from "@/lib/activity/actions";

/** What a SCIM request did, for its activity event. */
export type ScimActivity = {
  action: ActivityAction;
  resourceType?: "User" | "Group";
  resourceId?: string;
  memberId?: string;
  summary: string;
  changes?: Record<string, unknown>;
};

export type ScimResult = { response: Response; activity: ScimActivity };
