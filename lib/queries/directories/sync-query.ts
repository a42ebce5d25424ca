import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SyncOverviewData } from "@/lib/directories/sync-overview-data";
import { fetchJson } from "../fetch-json";

export const syncKeys = {
  directory: (directoryId: string) => ["directories", "sync", directoryId] as const,
};

export function getSyncOverview(directoryId: string, signal?: AbortSignal): Promise<SyncOverviewData> {
  return fetchJson<SyncOverviewData>(`/api/console/directories/${encodeURIComponent(directoryId)}/sync`, signal);
}

/** Every second while a run is queued or running, so its progress moves; else every 15 s for scheduled runs. */
export function syncQueryOptions(directoryId: string) {
  return queryOptions({
    queryKey: syncKeys.directory(directoryId),
    queryFn: ({ signal }) => getSyncOverview(directoryId, signal),
    refetchInterval: (query) => (query.state.data?.current ? 1_000 : 15_000),
    staleTime: 0,
  });
}

export function useSyncQuery(directoryId: string) {
  return useQuery(syncQueryOptions(directoryId));
}
