import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { DirectoryGroupPage } from "@/lib/directories/list-directory-groups";
import type { GroupMemberPage } from "@/lib/directories/list-group-members";
import { fetchJson } from "../fetch-json";

export const directoryGroupKeys = {
  all: (directoryId: string) => ["directories", directoryId, "groups"] as const,
  list: (directoryId: string, search: string) => ["directories", directoryId, "groups", "list", { search }] as const,
  members: (directoryId: string, groupId: string, search: string) => ["directories", directoryId, "groups", groupId, "members", { search }] as const,
};

const groupsUrl = (directoryId: string) => `/api/console/directories/${encodeURIComponent(directoryId)}/groups`;

function searchParams(search: string, cursor: string | null): URLSearchParams {
  const params = new URLSearchParams();
  if (search) params.set("search", search);
  if (cursor) params.set("cursor", cursor);
  return params;
}

export function getDirectoryGroups(directoryId: string, search: string, cursor: string | null, signal?: AbortSignal): Promise<DirectoryGroupPage> {
  return fetchJson<DirectoryGroupPage>(`${groupsUrl(directoryId)}?${searchParams(search, cursor)}`, signal);
}

export function getGroupMembers(directoryId: string, groupId: string, search: string, cursor: string | null, signal?: AbortSignal): Promise<GroupMemberPage> {
  return fetchJson<GroupMemberPage>(`${groupsUrl(directoryId)}/${encodeURIComponent(groupId)}/members?${searchParams(search, cursor)}`, signal);
}

export function directoryGroupsQueryOptions(directoryId: string, search: string) {
  return infiniteQueryOptions({
    queryKey: directoryGroupKeys.list(directoryId, search),
    queryFn: ({ pageParam, signal }) => getDirectoryGroups(directoryId, search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function groupMembersQueryOptions(directoryId: string, groupId: string, search: string) {
  return infiniteQueryOptions({
    queryKey: directoryGroupKeys.members(directoryId, groupId, search),
    queryFn: ({ pageParam, signal }) => getGroupMembers(directoryId, groupId, search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useDirectoryGroupsQuery(directoryId: string, search: string) {
  return useInfiniteQuery(directoryGroupsQueryOptions(directoryId, search));
}

export function useGroupMembersQuery(directoryId: string, groupId: string, search: string) {
  return useInfiniteQuery(groupMembersQueryOptions(directoryId, groupId, search));
}
