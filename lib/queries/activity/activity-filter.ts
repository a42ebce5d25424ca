import type { ActivityFilterInput } from "@/lib/activity/list-activity";

/** The activity page's filters, in the order they appear in its URL (the server validates them). */
export const activityFilterKeys = ["kind", "errorsOnly", "directoryId", "memberId", "from", "to", "search"] as const satisfies readonly (keyof ActivityFilterInput)[];

export type ActivityFilterKey = (typeof activityFilterKeys)[number];

/** The filters as the URL holds them; an absent key is not filtered on. */
export type ActivityUrlFilter = Partial<Record<ActivityFilterKey, string>>;

export function readActivityFilter(params: { get(name: string): string | null }): ActivityUrlFilter {
  const filter: ActivityUrlFilter = {};
  for (const key of activityFilterKeys) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

export function hasActivityFilter(filter: ActivityUrlFilter): boolean {
  return activityFilterKeys.some((key) => filter[key] !== undefined);
}

/**
 * The query string of `filter`, plus the viewer's time zone when a date bound needs one: days
 * begin at the viewer's midnight, not the server's.
 */
export function activityFilterParams(filter: ActivityUrlFilter, timeZone?: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of activityFilterKeys) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (timeZone && (filter.from || filter.to)) params.set("tz", timeZone);
  return params;
}
