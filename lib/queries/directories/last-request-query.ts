import { queryOptions, useQuery } from "@tanstack/react-query";
import type { LastRequest } from "@/lib/directories/test-connection";
import { fetchJson } from "../fetch-json";

export type LastRequestData = LastRequest;

export const lastRequestKeys = {
  all: ["directories", "last-request"] as const,
  directory: (directoryId: string) => ["directories", "last-request", directoryId] as const,
};

/** How often the Connection test tab asks, so the admin sees the IdP's handshake arrive. */
export const lastRequestRefreshMs = 3_000;

export function getLastRequest(directoryId: string, signal?: AbortSignal): Promise<LastRequestData> {
  return fetchJson<LastRequestData>(`/api/console/directories/${encodeURIComponent(directoryId)}/last-request`, signal);
}

export function lastRequestQueryOptions(directoryId: string) {
  return queryOptions({
    queryKey: lastRequestKeys.directory(directoryId),
    queryFn: ({ signal }) => getLastRequest(directoryId, signal),
    refetchInterval: lastRequestRefreshMs,
    staleTime: 0,
  });
}

export function useLastRequestQuery(directoryId: string) {
  return useQuery(lastRequestQueryOptions(directoryId));
}
