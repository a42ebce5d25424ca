import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";
import { ScimError } from "../errors";

const limiters = new WeakMap<Db, RateLimiterDrizzle>();

function limiterFor(db: Db): RateLimiterDrizzle {
  let limiter = limiters.get(db);
  if (!limiter) {
    // One row per directory, reset in place each window, so there is nothing to clean up.
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: "scim",
      points: env().SCIM_RATE_LIMIT,
      duration: 1,
      clearExpiredByTimeout: false,
    });
    limiters.set(db, limiter);
  }
  return limiter;
}

/** Counts one request against the directory's per-second budget; over it, a 429 with Retry-After. */
export async function rateLimitDirectory(db: Db, directoryId: string): Promise<void> {
  try {
    await limiterFor(db).consume(directoryId);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new ScimError(429, `Too many requests for this directory (limit ${env().SCIM_RATE_LIMIT} per second). Retry after ${retryAfter} s.`, undefined, {
      "retry-after": String(retryAfter),
    });
  }
}
