import { ScimError } from "./errors";

type PgErrorFields = { code?: string; constraint_name?: string; constraint?: string };

/** drizzle wraps driver errors; the PostgreSQL fields sit on the error or on its cause. */
function pgFields(error: unknown): PgErrorFields | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if (typeof (e as PgErrorFields).code === "string") return e as PgErrorFields;
  }
  return undefined;
}

const uniqueness: Record<string, string> = {
  members_workspace_user_name_idx: "Another member of this workspace already has this userName.",
  members_workspace_email_idx: "Another member of this workspace already uses this email address.",
  directory_groups_display_name_idx: "This directory already has a group with this displayName.",
};

/** The one place database failures become SCIM errors; anything unrecognised is rethrown as it is. */
export function mapDbError(error: unknown): unknown {
  const fields = pgFields(error);
  if (fields?.code === "23505") {
    const constraint = fields.constraint_name ?? fields.constraint ?? "";
    return new ScimError(409, uniqueness[constraint] ?? "The value conflicts with an existing resource.", "uniqueness");
  }
  if (fields?.code === "RC001") {
    return new ScimError(409, "The workspace has no free seat: its seat limit is reached. Free a seat or raise the limit in Rollcall, then retry.");
  }
  return error;
}
