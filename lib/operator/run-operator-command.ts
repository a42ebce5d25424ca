import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, directoryTokens, workspaces, type IdpType } from "@/db/schema";
import { createDirectory } from "@/lib/directories/create-directory";
import { listDirectories, type DirectoryListItem } from "@/lib/directories/list-directories";
import { revokeToken } from "@/lib/directories/revoke-token";
import { rotateToken } from "@/lib/directories/rotate-token";
import { scimBaseUrl } from "@/lib/directories/scim-base-url";
import { findWorkspaceBySlug } from "@/lib/workspaces/find-workspace-by-slug";
import type { OperatorCommand } from "./operator-command";

/** A mistake the operator can fix (unknown workspace, unknown directory…); the message says how. */
export class OperatorCommandError extends Error {
  override name = "OperatorCommandError";
}

type TokenChange = { prefix: string; revokedAt: string };

/** What each command answers; tokens in clear appear only in the results of create and rotate. */
export type OperatorResult =
  | {
      command: "directory.create";
      directoryId: string;
      workspaceSlug: string;
      name: string;
      idpType: IdpType;
      state: string;
      scimBaseUrl: string;
      token: string;
      tokenPrefix: string;
    }
  | { command: "directory.list"; directories: (DirectoryListItem & { scimBaseUrl: string })[] }
  | {
      command: "token.rotate";
      directoryId: string;
      scimBaseUrl: string;
      token: string;
      tokenPrefix: string;
      graceSeconds: number;
      /** The tokens that were valid, with the instant each stops working. */
      retired: TokenChange[];
    }
  | { command: "token.revoke"; directoryId: string; revoked: TokenChange[] };

/** Runs one operator command through the same lib/ code as the console; returns plain JSON data. */
export async function runOperatorCommand(db: Db, appUrl: string, command: OperatorCommand): Promise<OperatorResult> {
  switch (command.command) {
    case "directory.create": {
      const workspace = await requireWorkspace(db, command.workspaceSlug);
      const { directory, token, tokenRecord } = await createDirectory(db, { workspaceId: workspace.id, idpType: command.idpType, name: command.name });
      return {
        command: command.command,
        directoryId: directory.id,
        workspaceSlug: workspace.slug,
        name: directory.name,
        idpType: directory.idpType,
        state: directory.state,
        scimBaseUrl: scimBaseUrl(appUrl, directory.id),
        token,
        tokenPrefix: tokenRecord.prefix,
      };
    }
    case "directory.list": {
      const workspace = command.workspaceSlug === undefined ? undefined : await requireWorkspace(db, command.workspaceSlug);
      const directories = await listDirectories(db, { workspaceId: workspace?.id });
      return { command: command.command, directories: directories.map((d) => ({ ...d, scimBaseUrl: scimBaseUrl(appUrl, d.id) })) };
    }
    case "token.rotate": {
      await requireDirectory(db, command.directoryId);
      const { token, record, retired } = await rotateToken(db, { directoryId: command.directoryId, graceSeconds: command.graceSeconds });
      return {
        command: command.command,
        directoryId: command.directoryId,
        scimBaseUrl: scimBaseUrl(appUrl, command.directoryId),
        token,
        tokenPrefix: record.prefix,
        graceSeconds: command.graceSeconds,
        retired: retired.map((t) => ({ prefix: t.prefix, revokedAt: t.revokedAt.toISOString() })),
      };
    }
    case "token.revoke": {
      await requireDirectory(db, command.directoryId);
      const revoked = await revokeToken(db, command.prefix === undefined ? { directoryId: command.directoryId } : { directoryId: command.directoryId, prefix: command.prefix });
      if (command.prefix !== undefined && revoked.length === 0) await explainUnknownPrefix(db, command.directoryId, command.prefix);
      return { command: command.command, directoryId: command.directoryId, revoked: revoked.map((t) => ({ prefix: t.prefix, revokedAt: t.revokedAt.toISOString() })) };
    }
  }
}

async function requireWorkspace(db: Db, slug: string) {
  const workspace = await findWorkspaceBySlug(db, slug);
  if (workspace) return workspace;
  const slugs = (await db.select({ slug: workspaces.slug }).from(workspaces).orderBy(asc(workspaces.slug))).map((w) => w.slug);
  throw new OperatorCommandError(
    slugs.length === 0
      ? `No workspace "${slug}": there are no workspaces yet (the server creates the demo workspace "acme" on its first start).`
      : `No workspace "${slug}". Existing workspaces: ${slugs.join(", ")}.`,
  );
}

async function requireDirectory(db: Db, directoryId: string): Promise<void> {
  const [directory] = await db.select({ id: directoryConnections.id }).from(directoryConnections).where(eq(directoryConnections.id, directoryId));
  if (!directory) throw new OperatorCommandError(`No directory ${directoryId}. "rollcall directory list" shows the existing ones.`);
}

/** Revoking nothing by prefix is an error unless that token exists and is already revoked or expired. */
async function explainUnknownPrefix(db: Db, directoryId: string, prefix: string): Promise<void> {
  const [known] = await db
    .select({ id: directoryTokens.id })
    .from(directoryTokens)
    .where(and(eq(directoryTokens.directoryId, directoryId), eq(directoryTokens.prefix, prefix)));
  if (known) return;
  const [directory] = await listDirectories(db, { directoryId });
  const valid = directory?.tokens.filter((t) => t.status === "active" || t.status === "grace") ?? [];
  throw new OperatorCommandError(
    `Directory ${directoryId} has no token with prefix "${prefix}". ` +
      (valid.length === 0 ? "It has no valid token." : `Its valid tokens: ${valid.map((t) => t.prefix).join(", ")}.`),
  );
}
