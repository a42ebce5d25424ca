"use client";

import { useDeferredValue, useState } from "react";
import Link from "next/link";
import { UsersRoundIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DirectoryGroupItem } from "@/lib/directories/list-directory-groups";
import { useDirectoryGroupsQuery } from "@/lib/queries/directories/directory-groups-query";
import { GroupMembersDialog, memberCountLabel } from "./group-members-dialog";
import { EmptyList, ListError, ListSkeleton, LoadMore } from "./list-states";
import { RelativeTime } from "@/components/ui/relative-time";
import { SearchField } from "./search-field";

export function DirectoryGroups({ directoryId }: { directoryId: string }) {
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<DirectoryGroupItem | null>(null);
  const deferredSearch = useDeferredValue(search.trim());
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold tracking-tight">Groups</h2>
          <p className="text-sm text-muted-foreground">Groups this directory pushed. Select one to see its members.</p>
        </div>
        <SearchField label="Search groups" placeholder="Search group name" value={search} onChange={setSearch} />
      </div>
      <Card className="py-0">
        <CardContent className="px-0">
          <DirectoryGroupsTable directoryId={directoryId} search={deferredSearch} onSelect={setSelected} />
        </CardContent>
      </Card>
      {selected && <GroupMembersDialog directoryId={directoryId} group={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}

function DirectoryGroupsTable({ directoryId, search, onSelect }: { directoryId: string; search: string; onSelect: (group: DirectoryGroupItem) => void }) {
  const query = useDirectoryGroupsQuery(directoryId, search);
  const rows = query.data?.pages.flatMap((page) => page.groups) ?? [];

  if (query.isPending) return <ListSkeleton label="Loading groups" />;
  if (query.isError) return <ListError>Groups could not be loaded: {query.error.message}</ListError>;
  if (rows.length === 0) {
    return (
      <EmptyList icon={UsersRoundIcon} title={search ? `No groups match “${search}”` : "No groups pushed yet"}>
        {search ? (
          "Try a different name."
        ) : (
          <>
            Connect your IdP on the{" "}
            <Link href={`/console/directories/${directoryId}`} className="underline underline-offset-4">
              Set-up tab
            </Link>{" "}
            and assign groups to the app; they appear here as it pushes them.
          </>
        )}
      </EmptyList>
    );
  }

  return (
    <div>
      <Table aria-label="Directory groups">
        <TableHeader>
          <TableRow>
            <TableHead className="pl-4">Name</TableHead>
            <TableHead>External id</TableHead>
            <TableHead>Members</TableHead>
            <TableHead className="pr-4">Last change</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((g) => (
            <TableRow key={g.id}>
              <TableCell className="pl-4">
                <Button variant="link" className="h-auto p-0 font-medium" aria-haspopup="dialog" onClick={() => onSelect(g)}>
                  {g.displayName}
                </Button>
              </TableCell>
              <TableCell className="font-mono text-xs text-muted-foreground">{g.externalId ?? "—"}</TableCell>
              <TableCell>{memberCountLabel(g)}</TableCell>
              <TableCell className="pr-4 text-sm text-muted-foreground">
                <RelativeTime value={g.updatedAt} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <LoadMore query={query} label="Loading more groups" />
    </div>
  );
}
