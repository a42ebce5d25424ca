import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { DirectoryUserPage, DirectoryUserStatus } from "@/lib/directories/list-directory-users";
import { fetchJson } from "../fetch-json";

export type DirectoryUsersFilter = { search: string; status: DirectoryUserStatus | "all" };

export const directoryUserKeys = {
  all: (directoryId: string) => ["directories", directoryId, "users"] as const,
  list: (directoryId: string, filter: DirectoryUsersFilter) => ["directories", directoryId, "users", "list", filter] as const,
};

export function getDirectoryUsers(directoryId: string, filter: DirectoryUsersFilter, cursor: string | null, signal?: AbortSignal): Promise<DirectoryUserPage> {
  const params = new URLSearchParams();
  if (filter.search) params.set("search", filter.search);
  if (filter.status !== "all") params.set("status", filter.status);
  if (cursor) params.set("cursor", cursor);
  return fetchJson<DirectoryUserPage>(`/api/console/directories/${encodeURIComponent(directoryId)}/users?${params}`, signal);
}

export function directoryUsersQueryOptions(directoryId: string, filter: DirectoryUsersFilter) {
  return infiniteQueryOptions({
    queryKey: directoryUserKeys.list(directoryId, filter),
    queryFn: ({ pageParam, signal }) => getDirectoryUsers(directoryId, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useDirectoryUsersQuery(directoryId: string, filter: DirectoryUsersFilter) {
  return useInfiniteQuery(directoryUsersQueryOptions(directoryId, filter));
}
