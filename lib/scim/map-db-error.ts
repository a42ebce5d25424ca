import { isTransientConflict, pgErrorFields, seatLimitCode } from "@/db/pg-error";
import { ScimError } from "./errors";

const uniqueness: Record<string, string> = {
  members_workspace_user_name_idx: "Another member of this workspace already has this userName.",
  members_workspace_email_idx: "Another member of this workspace already uses this email address.",
  directory_groups_display_name_idx: "This directory already has a group with this displayName.",
};

/** The one place database failures become SCIM errors; anything unrecognised is rethrown as it is. */
export function mapDbError(error: unknown): unknown {
  const fields = pgErrorFields(error);
  if (fields?.code === "23505") {
    const constraint = fields.constraint_name ?? fields.constraint ?? "";
    return new ScimError(409, uniqueness[constraint] ?? "The value conflicts with an existing resource.", "uniqueness");
  }
  if (fields?.code === seatLimitCode) {
    return new ScimError(409, "The workspace has no free seat: its seat limit is reached. Free a seat or raise the limit in Rollcall, then retry.");
  }
  if (isTransientConflict(error)) {
    return new ScimError(503, "Other changes to the same users or groups kept conflicting with this one; nothing was changed. Retry.", undefined, { "retry-after": "1" });
  }
  return error;
}
