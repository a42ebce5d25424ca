import pino from "pino";
import { env } from "@/lib/env";

const globalForLog = globalThis as unknown as { rollcallLogger?: pino.Logger };

/** The root logger. Secrets are redacted wherever they appear in a logged object. */
export function logger(): pino.Logger {
  globalForLog.rollcallLogger ??= pino({
    level: env().LOG_LEVEL,
    base: { app: "rollcall" },
    redact: {
      paths: ["authorization", "*.authorization", "headers.authorization", "token", "*.token", "password", "*.password", "secret", "*.secret", "*.passwordHash"],
      censor: "[redacted]",
    },
  });
  return globalForLog.rollcallLogger;
}
