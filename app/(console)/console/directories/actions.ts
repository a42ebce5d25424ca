"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { idpTypes } from "@/db/schema";
import { adminAction } from "@/lib/actions/admin-action";
import { createDirectory } from "@/lib/directories/create-directory";

const createDirectoryInput = z.object({
  name: z.string().trim().max(100, "Keep the name under 100 characters.").optional(),
  idpType: z.enum(idpTypes, { error: "Choose your identity provider." }),
});

export type CreateDirectoryInput = z.input<typeof createDirectoryInput>;

/**
 * Creates an active directory connection with its first token. The token in clear is returned to
 * the admin who asked, once; it is never stored, logged or put in a URL.
 */
export const createDirectoryAction = adminAction(createDirectoryInput, async (input, access) => {
  const { directory, token, tokenRecord } = await createDirectory(getDb(), {
    workspaceId: access.workspace.id,
    idpType: input.idpType,
    name: input.name,
    createdByUserId: access.userId,
  });
  revalidatePath("/console/directories");
  return { directoryId: directory.id, name: directory.name, token, tokenPrefix: tokenRecord.prefix };
});
