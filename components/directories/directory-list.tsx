import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DirectoryOverviewItem } from "@/lib/directories/directory-overview";
import { DirectoryStateBadge } from "./directory-state-badge";
import { idpLabels } from "@/lib/directories/idp-names";
import { LastRequest } from "./last-request";

/** The workspace's directory connections, one row each, linking to their pages. */
export function DirectoryList({ directories, now }: { directories: DirectoryOverviewItem[]; now: Date }) {
  return (
    <Table aria-label="Directory connections">
      <TableHeader>
        <TableRow>
          <TableHead className="pl-4">Connection</TableHead>
          <TableHead>State</TableHead>
          <TableHead>Last request</TableHead>
          <TableHead className="text-right">Users</TableHead>
          <TableHead className="pr-4 text-right">Groups</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {directories.map((d) => (
          <TableRow key={d.id}>
            <TableCell className="pl-4">
              <Link href={`/console/directories/${d.id}`} className="font-medium underline-offset-4 hover:underline focus-visible:underline">
                {d.name}
              </Link>
              <div className="text-xs text-muted-foreground">{idpLabels[d.idpType]}</div>
            </TableCell>
            <TableCell>
              <DirectoryStateBadge state={d.state} />
            </TableCell>
            <TableCell>
              <LastRequest at={d.lastRequestAt} status={d.lastRequestStatus} userAgent={d.lastRequestUserAgent} now={now} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {d.userCount}
              {d.suspendedUserCount > 0 && <div className="text-xs text-muted-foreground">{d.suspendedUserCount} suspended</div>}
            </TableCell>
            <TableCell className="pr-4 text-right tabular-nums">{d.groupCount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
