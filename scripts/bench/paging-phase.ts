import { median } from "./percentiles";
import { arrayField, expectStatus, numberField, stringField, type ScimClient } from "./scim-client";

export type PageTiming = { startIndex: number; medianMs: number; totalResults: number };

/** Median time of `repeats` sequential GET /Users?startIndex=…&count=…. */
export async function timePage(client: ScimClient, startIndex: number, count: number, repeats: number): Promise<PageTiming> {
  const times: number[] = [];
  let totalResults = 0;
  for (let i = 0; i < repeats; i++) {
    const reply = await client.request("GET", `/Users?startIndex=${startIndex}&count=${count}`);
    expectStatus(reply, [200], `GET /Users?startIndex=${startIndex}&count=${count}`);
    totalResults = numberField(reply.body, "totalResults");
    times.push(reply.ms);
  }
  return { startIndex, medianMs: median(times), totalResults };
}

/** startIndex of the last page of `total` results. */
export const lastPageStart = (total: number, count: number) => Math.max(1, Math.floor((total - 1) / count) * count + 1);

export type WalkResult = { pages: number; totalMs: number; slowestPageMs: number; usersSeen: number; distinctUsers: number; totalResults: number };

/** Reads every page once, in order, as an IdP's full sync does; distinct ids check that pages neither skip nor repeat. */
export async function walkAllPages(client: ScimClient, count: number): Promise<WalkResult> {
  const ids = new Set<string>();
  let usersSeen = 0;
  let pages = 0;
  let slowestPageMs = 0;
  let totalResults = Number.POSITIVE_INFINITY;
  const started = performance.now();
  for (let startIndex = 1; startIndex <= totalResults; startIndex += count) {
    const reply = await client.request("GET", `/Users?startIndex=${startIndex}&count=${count}`);
    expectStatus(reply, [200], `GET /Users?startIndex=${startIndex}&count=${count}`);
    totalResults = numberField(reply.body, "totalResults");
    const page = arrayField(reply.body, "Resources");
    if (page.length === 0) break;
    for (const user of page) ids.add(stringField(user, "id"));
    usersSeen += page.length;
    pages++;
    slowestPageMs = Math.max(slowestPageMs, reply.ms);
  }
  return {
    pages,
    totalMs: Math.round(performance.now() - started),
    slowestPageMs: Math.round(slowestPageMs),
    usersSeen,
    distinctUsers: ids.size,
    totalResults: Number.isFinite(totalResults) ? totalResults : 0,
  };
}
