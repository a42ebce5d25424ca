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

/** Requests this instance has already counted in the shared window and may still let through. */
const reserved = new Map<string, { remaining: number; until: number }>();
/** The reservation in flight per directory: concurrent requests wait for it instead of each taking a slice. */
const reserving = new Map<string, Promise<void>>();

/**
 * Counts one request against the directory's per-second budget, shared by every instance through
 * the database. Each instance takes the budget in slices (a tenth of the limit) rather than one
 * database write per request; a slice is counted before it is used, so instances together never
 * let more than the limit through. Over the limit: 429 with Retry-After.
 */
export async function rateLimitDirectory(db: Db, directoryId: string): Promise<void> {
  for (;;) {
    const local = reserved.get(directoryId);
    if (local && local.until > Date.now() && local.remaining > 0) {
      local.remaining -= 1;
      return;
    }
    const inFlight = reserving.get(directoryId);
    if (inFlight) {
      await inFlight;
      continue;
    }
    const reservation = reserveSlice(db, directoryId).finally(() => reserving.delete(directoryId));
    reserving.set(directoryId, reservation);
    await reservation;
  }
}

async function reserveSlice(db: Db, directoryId: string): Promise<void> {
  const limit = env().SCIM_RATE_LIMIT;
  const slice = Math.max(1, Math.floor(limit / 10));
  const now = Date.now();
  let granted: number;
  let msLeft: number;
  try {
    const result = await limiterFor(db).consume(directoryId, slice);
    granted = slice;
    msLeft = result.msBeforeNext;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    // The slice was counted even though it did not fit: what was left of the budget is ours.
    granted = Math.max(0, Math.min(slice, limit - (rejection.consumedPoints - slice)));
    msLeft = rejection.msBeforeNext;
  }
  if (granted === 0) {
    const retryAfter = Math.max(1, Math.ceil(msLeft / 1000));
    throw new ScimError(429, `Too many requests for this directory (limit ${limit} per second). Retry after ${retryAfter} s.`, undefined, {
      "retry-after": String(retryAfter),
    });
  }
  reserved.set(directoryId, { remaining: granted, until: now + msLeft });
}
