import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { MemberPage } from "@/lib/members/list-members";
import { fetchJson } from "../fetch-json";
import { memberKeys } from "./keys";

export type MembersData = MemberPage;

export function getMembers(search: string, cursor: string | null, signal?: AbortSignal): Promise<MemberPage> {
  const params = new URLSearchParams();
  if (search) params.set("search", search);
  if (cursor) params.set("cursor", cursor);
  return fetchJson<MemberPage>(`/api/console/members?${params}`, signal);
}

export function membersQueryOptions(search: string) {
  return infiniteQueryOptions({
    queryKey: memberKeys.list(search),
    queryFn: ({ pageParam, signal }) => getMembers(search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useMembersQuery(search: string) {
  return useInfiniteQuery(membersQueryOptions(search));
}
