import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signInProviders } from "@/lib/auth/auth";
import { isAdmin } from "@/lib/auth/console-access";
import { currentAccess } from "@/lib/auth/current-access";
import { ssoRefusalCodes } from "@/lib/auth/sso-admission";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const errorMessages: Record<string, string> = {
  AccessDenied: "That account can’t sign in here: it isn’t an active member of a workspace.",
  NoAccess: "Your account has no active workspace membership. It may have been suspended.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  [ssoRefusalCodes.suspended]: "Your account is suspended by your organisation’s directory; contact your workspace admin.",
  [ssoRefusalCodes.not_provisioned]:
    "Your organisation provisions accounts through its directory; ask your admin to assign you Rollcall in your identity provider.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const current = await currentAccess();
  if (current.signedIn && current.access && isAdmin(current.access)) redirect("/console");
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-6">
      <LoginForm
        sso={signInProviders().oidc}
        error={error ? (errorMessages[error] ?? "Sign-in failed. Try again.") : undefined}
      />
    </main>
  );
}
