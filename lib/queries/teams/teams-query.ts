import { queryOptions, useQuery } from "@tanstack/react-query";
import type { TeamListItem } from "@/lib/teams/list-teams";
import { fetchJson } from "../fetch-json";
import { teamKeys } from "./keys";

export type TeamsData = TeamListItem[];

export function getTeams(signal?: AbortSignal): Promise<TeamsData> {
  return fetchJson<TeamsData>("/api/console/teams", signal);
}

export function teamsQueryOptions() {
  return queryOptions({ queryKey: teamKeys.all, queryFn: ({ signal }) => getTeams(signal) });
}

export function useTeamsQuery() {
  return useQuery(teamsQueryOptions());
}
