import type { Db } from "@/db/client";
import type { DirectoryConnection, Member, Workspace } from "@/db/schema";
import { env } from "@/lib/env";
import { enqueueOutboxMail } from "./enqueue-outbox-mail";
import { welcomeMail } from "./welcome-mail";

/** What the SCIM request knows (its ScimContext fits). */
export type WelcomeMailContext = {
  directory: Pick<DirectoryConnection, "id" | "welcomeEmail">;
  workspace: Pick<Workspace, "id" | "name">;
};

export type ProvisionedMember = Pick<Member, "id" | "status" | "email" | "userName" | "displayName">;

/**
 * For a member a directory just provisioned or linked, in that transaction: when the directory's
 * "Welcome email" setting is on and the member is active and has an address, queues the welcome mail.
 */
export async function queueWelcomeMail(tx: Db, context: WelcomeMailContext, member: ProvisionedMember): Promise<void> {
  if (!context.directory.welcomeEmail || member.status !== "active" || !member.email) return;
  const mail = welcomeMail({
    to: member.email,
    name: member.displayName ?? member.userName,
    workspaceName: context.workspace.name,
    loginUrl: `${env().appUrl}/login`,
  });
  await enqueueOutboxMail(tx, { workspaceId: context.workspace.id, directoryId: context.directory.id, memberId: member.id, kind: "welcome" }, mail);
}
