import { badRequest } from "../errors";
import type { ScimDocument } from "../schemas/coerce-resource";

/** displayName, externalId and member ids of a Group document. */
export function readGroupDocument(document: ScimDocument): { displayName: string; externalId: string | null; memberIds: string[] | undefined } {
  const displayName = document.displayName;
  if (typeof displayName !== "string" || displayName.trim() === "") throw badRequest("invalidValue", "displayName is required and cannot be empty.");
  const members = document.members as Array<{ value?: unknown }> | undefined;
  const memberIds = members?.map((member) => {
    if (typeof member.value !== "string") throw badRequest("invalidValue", 'Each member needs a "value" with the id of a user or group.');
    return member.value;
  });
  return { displayName, externalId: typeof document.externalId === "string" ? document.externalId : null, memberIds };
}
