import path from "node:path";
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A PostgreSQL URL; when unset, Rollcall runs on embedded PGlite under ROLLCALL_DATA_DIR. */
  DATABASE_URL: optional.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  ROLLCALL_DATA_DIR: z.string().default(".data"),
  /** Public URL of the app, used in printed links, the SCIM base URL and sign-in emails. */
  APP_URL: optional.pipe(z.url().optional()),
  PORT: z.coerce.number().int().positive().default(3000),
  AUTH_SECRET: optional,
  SMTP_URL: optional.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().default("Rollcall <no-reply@rollcall.local>"),
  OIDC_ISSUER: optional.pipe(z.url().optional()),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_NAME: z.string().default("SSO"),
  ROLLCALL_SEED_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  ROLLCALL_OWNER_EMAIL: z.email().default("owner@acme.test"),
  ROLLCALL_OWNER_PASSWORD: optional.pipe(z.string().min(12, "ROLLCALL_OWNER_PASSWORD must be at least 12 characters").optional()),
  /** Requests per second one directory may make to the SCIM API, shared by all instances. Entra needs 25+. */
  SCIM_RATE_LIMIT: z.coerce.number().int().min(25).default(200),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema> & { appUrl: string; pgliteDir: string };

let cached: Env | undefined;

/** The one place that reads process.env. Parsed lazily so `next build` needs no configuration. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  const e = parsed.data;
  cached = {
    ...e,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    pgliteDir: path.resolve(e.ROLLCALL_DATA_DIR, "pglite"),
  };
  return cached;
}

/** OIDC sign-in is offered only when all three settings are present. */
export function oidcConfig(e: Env = env()) {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return undefined;
  return { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME };
}
