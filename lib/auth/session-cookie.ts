import { env } from "@/lib/env";

/** 30 days, Auth.js' default session lifetime. */
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

/**
 * The session cookie, named here once: Auth.js sets it for link and SSO sign-in, and the password
 * sign-in action sets the same cookie for a session row it creates itself.
 */
export function sessionCookie() {
  const secure = env().appUrl.startsWith("https://");
  return {
    name: secure ? "__Secure-rollcall.session-token" : "rollcall.session-token",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
