import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { ActivityPage } from "@/lib/activity/list-activity";
import { fetchJson } from "../fetch-json";
import { activityFilterParams, type ActivityUrlFilter } from "./activity-filter";
import { activityKeys } from "./keys";

export function getActivity(query: string, cursor: string | null, signal?: AbortSignal): Promise<ActivityPage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  return fetchJson<ActivityPage>(`/api/console/activity?${params}`, signal);
}

/** Keyed by the query string itself, so equal filters share a cache entry however they were reached. */
export function activityQueryOptions(filter: ActivityUrlFilter, timeZone: string) {
  const query = activityFilterParams(filter, timeZone).toString();
  return infiniteQueryOptions({
    queryKey: activityKeys.list(query),
    queryFn: ({ pageParam, signal }) => getActivity(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useActivityQuery(filter: ActivityUrlFilter, timeZone: string) {
  return useInfiniteQuery(activityQueryOptions(filter, timeZone));
}
