import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { oidcConfig } from "@/lib/env";
import { logger } from "@/lib/log";
import { mailConfigured, sendMail } from "@/lib/mail/send-mail";
import { signInLinkMail } from "@/lib/mail/sign-in-link-mail";
import { hasActiveMembership, linkMembersToUser } from "./console-access";
import { authSecret } from "./secret";
import { sessionCookie, sessionMaxAgeSeconds } from "./session-cookie";
import { admitSsoSignIn, ssoRefusalCodes } from "./sso-admission";

/** Sign-in link by email: sent over SMTP, or printed to the server log when no SMTP is configured. */
const emailLink: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  from: "",
  maxAge: 15 * 60,
  options: {},
  async sendVerificationRequest({ identifier, url }) {
    // Unknown addresses get no mail, but the page answers the same, so it reveals nothing.
    if (!(await hasActiveMembership(getDb(), identifier))) {
      logger().info("sign-in link requested for an address with no active membership");
      return;
    }
    if (mailConfigured()) {
      await sendMail(signInLinkMail(identifier, url));
    } else {
      process.stdout.write(`\n  Sign-in link for ${identifier} (no SMTP_URL configured):\n  ${url}\n\n`);
    }
  },
};

function authConfig(): NextAuthConfig {
  const db = getDb();
  const oidc = oidcConfig();
  return {
    secret: authSecret(),
    trustHost: true,
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    session: { strategy: "database", maxAge: sessionMaxAgeSeconds },
    cookies: { sessionToken: sessionCookie() },
    providers: [
      emailLink,
      ...(oidc
        ? [
            {
              id: "oidc",
              name: oidc.name,
              type: "oidc" as const,
              issuer: oidc.issuer,
              clientId: oidc.clientId,
              clientSecret: oidc.clientSecret,
              // The operator chose this issuer, and signIn below admits only active members with a
              // verified email (only provisioned ones while a directory is active), so an SSO login
              // may attach to the identity that already has that email.
              allowDangerousEmailAccountLinking: true,
            },
          ]
        : []),
    ],
    pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
    callbacks: {
      // Only active members of a workspace may sign in; nobody is created by signing in.
      async signIn({ user, email, account, profile }) {
        if (email?.verificationRequest) return true;
        if (account?.provider === "oidc") {
          if (profile?.email_verified !== true || !user.email) return false;
          const admission = await admitSsoSignIn(db, user.email);
          if (admission.admitted) return true;
          return admission.reason === "no_membership" ? false : `/login?error=${ssoRefusalCodes[admission.reason]}`;
        }
        return Boolean(user.email && (await hasActiveMembership(db, user.email)));
      },
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
    events: {
      async signIn({ user }) {
        if (user.id && user.email) await linkMembersToUser(db, { id: user.id, email: user.email });
      },
    },
    logger: {
      error: (error) => logger().error({ err: { name: error.name, message: error.message } }, "auth error"),
      warn: (code) => logger().warn({ code }, "auth warning"),
      debug: () => {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => authConfig());

export function signInProviders(): { oidc?: { name: string } } {
  const oidc = oidcConfig();
  return { oidc: oidc ? { name: oidc.name } : undefined };
}
