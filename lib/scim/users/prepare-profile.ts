import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, type Member } from "@/db/schema";
import { badRequest } from "../errors";
import type { ScimContext } from "../http/scim-context";
import type { ScimDocument } from "../schemas/coerce-resource";
import { documentToProfile, type MemberProfile } from "./user-document";
import { isUuid } from "../is-uuid";
import { userScope } from "./user-scope";

export type ProfileValues = Omit<MemberProfile, "active"> & Pick<Member, "managerDisplayName">;

/** Checks a User document against the workspace's rules and returns the member columns it sets. */
export async function prepareProfile(
  tx: Db,
  context: ScimContext,
  document: ScimDocument,
): Promise<{ values: ProfileValues; active: boolean | undefined }> {
  const { active, ...profile } = documentToProfile(document);
  if (!profile.userName.trim()) throw badRequest("invalidValue", "userName is required and cannot be empty.");

  const domains = context.workspace.verifiedDomains;
  if (profile.email && domains.length > 0) {
    const domain = profile.email.slice(profile.email.lastIndexOf("@") + 1).toLowerCase();
    if (!domains.includes(domain)) {
      throw badRequest(
        "invalidValue",
        `The email ${profile.email} is not on a verified domain of this workspace (${domains.join(", ")}). Use an address on one of them, or ask a workspace admin to verify ${domain}.`,
      );
    }
  }

  let managerDisplayName: string | null = null;
  if (profile.managerId) {
    const [manager] = isUuid(profile.managerId)
      ? await tx
          .select({ displayName: members.displayName, userName: members.userName })
          .from(members)
          .where(and(eq(members.id, profile.managerId), userScope(context)))
      : [];
    if (!manager) throw badRequest("invalidValue", `The manager "${profile.managerId}" is not a user of this directory; provision the manager first.`);
    managerDisplayName = manager.displayName ?? manager.userName;
  }
  return { values: { ...profile, managerDisplayName }, active };
}
