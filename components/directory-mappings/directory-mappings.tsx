"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { UsersRoundIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { memberCountLabel } from "@/components/directory-people/group-members-dialog";
import { EmptyList, ListError, ListSkeleton, LoadMore } from "@/components/directory-people/list-states";
import { SearchField } from "@/components/directory-people/search-field";
import type { DirectoryGroupItem } from "@/lib/directories/list-directory-groups";
import type { GroupMappingItem } from "@/lib/mappings/group-mappings";
import { useDirectoryGroupsQuery } from "@/lib/queries/directories/directory-groups-query";
import { InheritedMappings, MappingDescription } from "./mapping-description";
import { MappingDialog, type MappingTeam } from "./mapping-dialog";

type MappingsProps = { directoryId: string; mappings: GroupMappingItem[]; teams: MappingTeam[] };

/** The directory's groups, paged by name, each with the mapping it has or inherits. */
export function DirectoryMappings({ directoryId, mappings, teams }: MappingsProps) {
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<Pick<DirectoryGroupItem, "id" | "displayName"> | null>(null);
  const deferredSearch = useDeferredValue(search.trim());
  const byGroup = useMemo(() => new Map(mappings.map((m) => [m.groupId, m])), [mappings]);
  const adminGroup = mappings.find((m) => m.own?.isAdminGroup)?.own ?? null;
  const ownCount = mappings.filter((m) => m.own).length;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold tracking-tight">Group mappings</h2>
          <p className="text-sm text-muted-foreground">
            Map a group to a team and/or a role. Nested groups inherit their parent&apos;s mapping; a member in several mapped groups gets the highest privilege.{" "}
            {ownCount === 0 ? "No group is mapped yet." : `${ownCount} ${ownCount === 1 ? "group is" : "groups are"} mapped.`}
            {adminGroup && ` Admin group: ${adminGroup.groupName}.`}
          </p>
        </div>
        <SearchField label="Search groups" placeholder="Search group name" value={search} onChange={setSearch} />
      </div>
      <Card className="py-0">
        <CardContent className="px-0">
          <MappingsTable
            directoryId={directoryId}
            search={deferredSearch}
            byGroup={byGroup}
            onEdit={setSelected}
          />
        </CardContent>
      </Card>
      {selected && (
        <MappingDialog
          key={selected.id}
          directoryId={directoryId}
          // A group missing from the mapping list neither has nor inherits a mapping.
          group={byGroup.get(selected.id) ?? { groupId: selected.id, displayName: selected.displayName, own: null, inherited: [] }}
          adminGroup={adminGroup}
          teams={teams}
          onClose={() => setSelected(null)}
        />
      )}
    </div>
  );
}

function MappingsTable({
  directoryId,
  search,
  byGroup,
  onEdit,
}: {
  directoryId: string;
  search: string;
  byGroup: Map<string, GroupMappingItem>;
  onEdit: (group: DirectoryGroupItem) => void;
}) {
  const query = useDirectoryGroupsQuery(directoryId, search);
  const rows = query.data?.pages.flatMap((page) => page.groups) ?? [];

  if (query.isPending) return <ListSkeleton label="Loading groups" />;
  if (query.isError) return <ListError>Groups could not be loaded: {query.error.message}</ListError>;
  if (rows.length === 0) {
    return (
      <EmptyList icon={UsersRoundIcon} title={search ? `No groups match “${search}”` : "No groups yet"}>
        {search ? "Try a different name." : "Push groups from your IdP (Okta: Push Groups; Entra: assign groups); they appear here, ready to be mapped."}
      </EmptyList>
    );
  }

  return (
    <div>
      <Table aria-label="Group mappings">
        <TableHeader>
          <TableRow>
            <TableHead className="pl-4">Group</TableHead>
            <TableHead>Mapping</TableHead>
            <TableHead className="pr-4">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((group) => {
            const mapping = byGroup.get(group.id);
            return (
              <TableRow key={group.id}>
                <TableCell className="pl-4">
                  <div className="font-medium">{group.displayName}</div>
                  <div className="text-xs text-muted-foreground">{memberCountLabel(group)}</div>
                </TableCell>
                <TableCell className="whitespace-normal">
                  <div className="space-y-1">
                    {mapping?.own && <MappingDescription source={mapping.own} />}
                    {mapping && mapping.inherited.length > 0 && <InheritedMappings sources={mapping.inherited} />}
                    {!mapping && <span className="text-sm text-muted-foreground">Not mapped</span>}
                  </div>
                </TableCell>
                <TableCell className="pr-4 text-right">
                  <Button variant="outline" size="sm" aria-haspopup="dialog" onClick={() => onEdit(group)}>
                    Edit mapping<span className="sr-only"> of {group.displayName}</span>
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <LoadMore query={query} label="Loading more groups" />
    </div>
  );
}
