"use client";

import { UsersIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MemberListItem } from "@/lib/members/list-members";
import { useMembersQuery } from "@/lib/queries/members/members-query";
import { MemberRoleCell } from "./member-role-cell";

const sourceLabels: Record<MemberListItem["source"], string> = { manual: "Manual", sso: "SSO", scim: "Directory" };

export function MembersTable({ search }: { search: string }) {
  const query = useMembersQuery(search);
  const rows = query.data?.pages.flatMap((page) => page.members) ?? [];

  if (query.isPending) {
    return (
      <div className="space-y-2 p-4" aria-busy="true" aria-label="Loading members">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-9" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="p-4">
        <Alert variant="destructive">
          <AlertDescription>Members could not be loaded: {query.error.message}</AlertDescription>
        </Alert>
      </div>
    );
  }
  if (rows.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 px-4 py-16 text-center">
        <UsersIcon className="size-8 text-muted-foreground" aria-hidden />
        <p className="font-medium">{search ? `No members match “${search}”` : "No members yet"}</p>
        <p className="text-sm text-muted-foreground">
          {search ? "Try a different name or email." : "Members appear here when they are added or provisioned by your directory."}
        </p>
      </div>
    );
  }

  return (
    <div>
      <Table aria-label="Members">
        <TableHeader>
          <TableRow>
            <TableHead className="pl-4">Name</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Source</TableHead>
            <TableHead className="pr-4">Teams</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((m) => (
            <TableRow key={m.id}>
              <TableCell className="pl-4">
                <div className="font-medium">{m.name}</div>
                <div className="text-xs text-muted-foreground">{m.email}</div>
              </TableCell>
              <TableCell>
                <MemberRoleCell member={m} />
              </TableCell>
              <TableCell>
                <Badge variant={m.status === "active" ? "success" : "warning"} className="capitalize">
                  {m.status}
                </Badge>
              </TableCell>
              <TableCell>{sourceLabels[m.source]}</TableCell>
              <TableCell className="pr-4 text-sm text-muted-foreground">
                {m.teams.length === 0
                  ? "—"
                  : m.teams.map((team) => (
                      <span key={team.name} className="mr-1.5 inline-flex items-center gap-1">
                        {team.name}
                        {team.fromDirectory && (
                          <Badge variant="secondary" className="px-1.5 py-0 text-[10px]" title="A directory group mapping put this member in the team">
                            directory
                          </Badge>
                        )}
                      </span>
                    ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {query.hasNextPage && (
        <div className="flex justify-center border-t p-3">
          <Button variant="outline" size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage && <Spinner aria-label="Loading more members" />}
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}
