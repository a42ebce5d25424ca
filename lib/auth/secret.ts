const globalForSecret = globalThis as unknown as { rollcallAuthSecret?: string };

/** Set once at startup (lib/setup/start-server.ts); read by the Auth.js configuration. */
export function setAuthSecret(secret: string) {
  globalForSecret.rollcallAuthSecret = secret;
}

export function authSecret(): string {
  const secret = globalForSecret.rollcallAuthSecret;
  if (!secret) throw new Error("Auth secret not initialised: the server start-up did not run");
  return secret;
}
