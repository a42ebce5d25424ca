import { Badge } from "@/components/ui/badge";
import type { DirectoryUserStatus } from "@/lib/directories/list-directory-users";
import { CalendarDate } from "@/components/ui/relative-time";

export const userStatusLabels: Record<DirectoryUserStatus, string> = { active: "Active", suspended: "Suspended", pending_purge: "Pending purge" };

const variants = { active: "success", suspended: "warning", pending_purge: "outline" } as const;

export function UserStatusBadge({ status, purgeAfter }: { status: DirectoryUserStatus; purgeAfter?: string | null }) {
  return (
    <div className="flex flex-col gap-0.5">
      <Badge variant={variants[status]}>{userStatusLabels[status]}</Badge>
      {status === "pending_purge" && purgeAfter && (
        <span className="text-xs text-muted-foreground">
          Purged <CalendarDate iso={purgeAfter} />
        </span>
      )}
    </div>
  );
}
