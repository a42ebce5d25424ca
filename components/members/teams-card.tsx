"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useTeamsQuery } from "@/lib/queries/teams/teams-query";

export function TeamsCard() {
  const query = useTeamsQuery();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Teams</CardTitle>
        <CardDescription>Named groups of members in this workspace.</CardDescription>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <Skeleton className="h-16" />
        ) : query.isError ? (
          <p className="text-sm text-destructive">Teams could not be loaded: {query.error.message}</p>
        ) : query.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">No teams yet.</p>
        ) : (
          <ul aria-label="Teams" className="divide-y">
            {query.data.map((team) => (
              <li key={team.id} className="flex items-center justify-between py-2 text-sm">
                <span>{team.name}</span>
                <span className="text-muted-foreground">
                  {team.memberCount} {team.memberCount === 1 ? "member" : "members"}
                  {team.directoryMemberCount > 0 && ` · ${team.directoryMemberCount} from the directory`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
