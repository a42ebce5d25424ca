"use client";

import { useDeferredValue, useState } from "react";
import { FolderTreeIcon, UserIcon, UsersIcon } from "lucide-react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { DirectoryGroupItem } from "@/lib/directories/list-directory-groups";
import { useGroupMembersQuery } from "@/lib/queries/directories/directory-groups-query";
import { EmptyList, ListError, ListSkeleton, LoadMore } from "./list-states";
import { SearchField } from "./search-field";
import { UserStatusBadge } from "./user-status-badge";

export function memberCountLabel(group: Pick<DirectoryGroupItem, "userCount" | "groupCount">): string {
  const users = `${group.userCount} ${group.userCount === 1 ? "user" : "users"}`;
  if (group.groupCount === 0) return users;
  return `${users}, ${group.groupCount} ${group.groupCount === 1 ? "group" : "groups"}`;
}

export function GroupMembersDialog({ directoryId, group, onClose }: { directoryId: string; group: DirectoryGroupItem; onClose: () => void }) {
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="flex max-h-[85vh] flex-col sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{group.displayName}</DialogTitle>
          <DialogDescription>Direct members: {memberCountLabel(group)}. Nested groups are listed first.</DialogDescription>
        </DialogHeader>
        <SearchField label="Search group members" placeholder="Search name or email" value={search} onChange={setSearch} className="sm:w-full" />
        <div className="min-h-0 flex-1 overflow-y-auto rounded-md border">
          <GroupMemberList directoryId={directoryId} groupId={group.id} search={deferredSearch} />
        </div>
      </DialogContent>
    </Dialog>
  );
}

function GroupMemberList({ directoryId, groupId, search }: { directoryId: string; groupId: string; search: string }) {
  const query = useGroupMembersQuery(directoryId, groupId, search);
  const rows = query.data?.pages.flatMap((page) => page.members) ?? [];

  if (query.isPending) return <ListSkeleton label="Loading group members" rows={4} />;
  if (query.isError) return <ListError>Members could not be loaded: {query.error.message}</ListError>;
  if (rows.length === 0) {
    return (
      <EmptyList icon={UsersIcon} title={search ? `No members match “${search}”` : "This group has no members"}>
        {search ? "Try a different name or email." : "Members appear here when the IdP adds them to the group."}
      </EmptyList>
    );
  }

  return (
    <div>
      <ul aria-label="Group members" className="divide-y">
        {rows.map((m) => (
          <li key={`${m.type}:${m.id}`} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
            <div className="flex min-w-0 items-center gap-2">
              {m.type === "group" ? (
                <FolderTreeIcon className="size-4 shrink-0 text-muted-foreground" role="img" aria-label="Nested group" />
              ) : (
                <UserIcon className="size-4 shrink-0 text-muted-foreground" role="img" aria-label="User" />
              )}
              <div className="min-w-0">
                <div className="truncate font-medium">{m.name}</div>
                <div className="truncate text-xs text-muted-foreground">{m.type === "group" ? (m.externalId ?? "Nested group") : m.email}</div>
              </div>
            </div>
            {m.type === "user" && <UserStatusBadge status={m.status} />}
          </li>
        ))}
      </ul>
      <LoadMore query={query} label="Loading more group members" />
    </div>
  );
}
