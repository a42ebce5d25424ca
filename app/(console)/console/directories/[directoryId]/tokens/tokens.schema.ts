import { z } from "zod";

export const tokenExpiryChoices = [
  { value: "never", label: "No expiry" },
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
  { value: "1y", label: "1 year" },
  { value: "date", label: "On a date" },
] as const;

export type TokenExpiryChoice = (typeof tokenExpiryChoices)[number]["value"];

export const graceChoices = [
  { seconds: 0, label: "Revoke the old token now" },
  { seconds: 3600, label: "Revoke the old token in 1 hour" },
  { seconds: 86400, label: "Revoke the old token in 24 hours" },
] as const;

const directoryId = z.uuid("Unknown directory.");

export const generateTokenSchema = z
  .object({
    directoryId,
    expiry: z.enum(["never", "30d", "90d", "1y", "date"]),
    /** Only with expiry "date": the instant the token stops working, picked in the admin's time zone. */
    expiresAt: z.iso.datetime({ offset: true, error: "Pick the date the token should expire." }).optional(),
  })
  .refine((input) => input.expiry !== "date" || input.expiresAt !== undefined, { message: "Pick the date the token should expire.", path: ["expiresAt"] });

export const rotateTokenSchema = z.object({
  directoryId,
  graceSeconds: z.union([z.literal(0), z.literal(3600), z.literal(86400)], { error: "Choose what happens to the old token." }),
});

export const revokeTokenSchema = z.object({ directoryId, tokenId: z.uuid("Unknown token.") });

/** What the console gets back once: the token in clear, to copy into the IdP. */
export type NewToken = { token: string; prefix: string; expiresAt: string | null };
