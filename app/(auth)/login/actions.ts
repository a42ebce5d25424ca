"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth/auth";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { passwordSignInSchema, signInLinkSchema, type SignInFormState } from "./login.schema";

export async function signInWithPasswordAction(_state: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const input = passwordSignInSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!input.success) return { error: input.error.issues[0]?.message, email };

  const result = await signInWithPassword(getDb(), input.data.email, input.data.password);
  if (!result.ok) {
    return {
      email,
      error:
        result.reason === "suspended"
          ? "Your account is suspended. Ask a workspace admin to reactivate it."
          : "That email and password don’t match an account.",
    };
  }
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, result.sessionToken, { ...cookie.options, expires: result.expires });
  redirect("/console");
}

export async function requestSignInLinkAction(_state: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const input = signInLinkSchema.safeParse(Object.fromEntries(formData));
  if (!input.success) return { error: input.error.issues[0]?.message, email: String(formData.get("email") ?? "") };
  await signIn("email", { email: input.data.email, redirectTo: "/console", redirect: false });
  redirect("/login/check-email");
}

export async function signInWithSsoAction(): Promise<void> {
  await signIn("oidc", { redirectTo: "/console" });
}
