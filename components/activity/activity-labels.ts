import type { ActivityKind } from "@/db/schema";
import type { badgeVariants } from "@/components/ui/badge";
import type { VariantProps } from "class-variance-authority";

export const activityKindLabels: Record<ActivityKind, string> = {
  scim_request: "SCIM request",
  member: "Member change",
  group: "Group change",
  token: "Token",
  sync: "Sync",
  admin: "Admin action",
  auth: "Sign-in",
};

export const activityKindBadges: Record<ActivityKind, VariantProps<typeof badgeVariants>["variant"]> = {
  scim_request: "outline",
  member: "secondary",
  group: "secondary",
  token: "warning",
  sync: "success",
  admin: "default",
  auth: "outline",
};

export function isActivityKind(value: string | undefined): value is ActivityKind {
  return value !== undefined && Object.hasOwn(activityKindLabels, value);
}
