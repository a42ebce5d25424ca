import { z } from "zod";
import { idpTypes } from "@/db/schema";

const required = (otherwise: string) => (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : otherwise);

const directoryId = z.guid({ error: required("must be a directory id (a UUID, as `directory list` shows)") });
const workspaceSlug = z
  .string({ error: required("must be a workspace slug") })
  .trim()
  .min(1, { error: "must name a workspace (its slug, e.g. acme)" })
  .max(100);

/** The grace periods an admin can pick when rotating: revoke now, 1 hour, 24 hours. */
export const rotationGraceSeconds = [0, 3600, 86400] as const;

/** What an operator can ask of Rollcall, from the CLI or over /api/operator. */
export const operatorCommand = z.discriminatedUnion("command", [
  z.object({
    command: z.literal("directory.create"),
    workspaceSlug,
    idpType: z.enum(idpTypes, { error: required(`must be one of ${idpTypes.join(", ")}`) }),
    name: z.string().trim().min(1).max(100).optional(),
  }),
  z.object({
    command: z.literal("directory.list"),
    workspaceSlug: workspaceSlug.optional(),
  }),
  z.object({
    command: z.literal("token.rotate"),
    directoryId,
    graceSeconds: z
      .number()
      .refine((n) => (rotationGraceSeconds as readonly number[]).includes(n), { error: `must be one of ${rotationGraceSeconds.join(", ")} (seconds)` })
      .default(0),
  }),
  z.object({
    command: z.literal("token.revoke"),
    directoryId,
    prefix: z.string().trim().min(1).max(100).optional(),
  }),
]);

export type OperatorCommand = z.infer<typeof operatorCommand>;
