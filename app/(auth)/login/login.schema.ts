import { z } from "zod";

export const passwordSignInSchema = z.object({
  email: z.email("Enter your work email address."),
  password: z.string().min(1, "Enter your password.").max(1024),
});

export const signInLinkSchema = z.object({ email: z.email("Enter your work email address.") });

export type SignInFormState = { error?: string; email?: string };
