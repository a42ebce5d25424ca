"use client";

import { useDeferredValue, useState } from "react";
import Link from "next/link";
import { UsersIcon } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DirectoryUserItem } from "@/lib/directories/list-directory-users";
import { useDirectoryUsersQuery, type DirectoryUsersFilter } from "@/lib/queries/directories/directory-users-query";
import { EmptyList, ListError, ListSkeleton, LoadMore } from "./list-states";
import { RelativeTime } from "@/components/ui/relative-time";
import { SearchField } from "./search-field";
import { UserStatusBadge, userStatusLabels } from "./user-status-badge";

const sourceLabels: Record<DirectoryUserItem["source"], string> = { manual: "Manual", sso: "SSO", scim: "Directory" };
const statusOptions: DirectoryUsersFilter["status"][] = ["all", "active", "suspended", "pending_purge"];

export function DirectoryUsers({ directoryId }: { directoryId: string }) {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<DirectoryUsersFilter["status"]>("all");
  const deferredSearch = useDeferredValue(search.trim());
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold tracking-tight">Users</h2>
          <p className="text-sm text-muted-foreground">People this directory provisioned, including those it removed and who wait to be purged.</p>
        </div>
        <div className="flex w-full flex-wrap gap-2 sm:w-auto">
          <SearchField label="Search users" placeholder="Search name, userName or email" value={search} onChange={setSearch} />
          <Select value={status} onValueChange={(value) => setStatus(value as DirectoryUsersFilter["status"])}>
            <SelectTrigger aria-label="Filter by status" className="w-40">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {statusOptions.map((option) => (
                <SelectItem key={option} value={option}>
                  {option === "all" ? "All statuses" : userStatusLabels[option]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </div>
      <Card className="py-0">
        <CardContent className="px-0">
          <DirectoryUsersTable directoryId={directoryId} filter={{ search: deferredSearch, status }} />
        </CardContent>
      </Card>
    </div>
  );
}

function DirectoryUsersTable({ directoryId, filter }: { directoryId: string; filter: DirectoryUsersFilter }) {
  const query = useDirectoryUsersQuery(directoryId, filter);
  const rows = query.data?.pages.flatMap((page) => page.users) ?? [];

  if (query.isPending) return <ListSkeleton label="Loading users" />;
  if (query.isError) return <ListError>Users could not be loaded: {query.error.message}</ListError>;
  if (rows.length === 0) {
    const filtered = filter.search !== "" || filter.status !== "all";
    return (
      <EmptyList icon={UsersIcon} title={filtered ? "No users match" : "No users provisioned yet"}>
        {filtered ? (
          "Try a different name, email or status."
        ) : (
          <>
            Connect your IdP on the{" "}
            <Link href={`/console/directories/${directoryId}`} className="underline underline-offset-4">
              Set-up tab
            </Link>
            ; users appear here as it provisions them.
          </>
        )}
      </EmptyList>
    );
  }

  return (
    <div>
      <Table aria-label="Directory users">
        <TableHeader>
          <TableRow>
            <TableHead className="pl-4">Name</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Source</TableHead>
            <TableHead>Role</TableHead>
            <TableHead className="pr-4">Last change</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((u) => (
            <TableRow key={u.id}>
              <TableCell className="pl-4">
                <div className="font-medium">{u.name}</div>
                <div className="text-xs text-muted-foreground">
                  {u.userName}
                  {u.email && u.email.toLowerCase() !== u.userName.toLowerCase() && ` · ${u.email}`}
                </div>
              </TableCell>
              <TableCell>
                <UserStatusBadge status={u.status} purgeAfter={u.purgeAfter} />
              </TableCell>
              <TableCell>{sourceLabels[u.source]}</TableCell>
              <TableCell>
                <span className="capitalize">{u.role}</span>
                {u.roleManagedByDirectory && <span className="block text-xs text-muted-foreground">From group mappings</span>}
              </TableCell>
              <TableCell className="pr-4 text-sm text-muted-foreground">
                <RelativeTime value={u.updatedAt} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <LoadMore query={query} label="Loading more users" />
    </div>
  );
}
