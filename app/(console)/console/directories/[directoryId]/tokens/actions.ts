"use server";

import { refresh } from "next/cache";
import { getDb } from "@/db/client";
import { actionDirectory } from "@/lib/actions/action-directory";
import { ActionError, adminAction } from "@/lib/actions/admin-action";
import type { ConsoleAccess } from "@/lib/auth/console-access";
import { disabledDirectoryTokenMessage, issueToken } from "@/lib/directories/issue-token";
import { revokeToken } from "@/lib/directories/revoke-token";
import { rotateToken } from "@/lib/directories/rotate-token";
import { generateTokenSchema, revokeTokenSchema, rotateTokenSchema, type NewToken } from "./tokens.schema";

const dayMs = 86400_000;
const expiryDays = { "30d": 30, "90d": 90, "1y": 365 } as const;

export const generateTokenAction = adminAction(generateTokenSchema, async (input, access): Promise<NewToken> => {
  await tokenableDirectory(access, input.directoryId);
  const expiresAt =
    input.expiry === "never" ? undefined : input.expiry === "date" ? new Date(input.expiresAt!) : new Date(Date.now() + expiryDays[input.expiry] * dayMs);
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw new ActionError("Pick an expiry date in the future.");
  const { token, record } = await issueToken(getDb(), { directoryId: input.directoryId, expiresAt, createdByUserId: access.userId });
  refresh();
  return { token, prefix: record.prefix, expiresAt: record.expiresAt?.toISOString() ?? null };
});

export const rotateTokenAction = adminAction(rotateTokenSchema, async (input, access): Promise<NewToken> => {
  await tokenableDirectory(access, input.directoryId);
  const { token, record } = await rotateToken(getDb(), { directoryId: input.directoryId, graceSeconds: input.graceSeconds, createdByUserId: access.userId });
  refresh();
  return { token, prefix: record.prefix, expiresAt: null };
});

export const revokeTokenAction = adminAction(revokeTokenSchema, async (input, access): Promise<{ prefix: string }> => {
  await actionDirectory(access, input.directoryId);
  const [revoked] = await revokeToken(getDb(), { directoryId: input.directoryId, tokenId: input.tokenId, revokedByUserId: access.userId });
  refresh();
  if (!revoked) throw new ActionError("That token had already stopped working; nothing was changed.");
  return { prefix: revoked.prefix };
});

async function tokenableDirectory(access: ConsoleAccess, directoryId: string) {
  const directory = await actionDirectory(access, directoryId);
  if (directory.state === "disabled") throw new ActionError(disabledDirectoryTokenMessage);
  return directory;
}
