import { Badge } from "@/components/ui/badge";
import type { MappingSource } from "@/lib/mappings/group-mappings";
import type { MemberRole } from "@/db/schema";

export const roleLabels: Record<MemberRole, string> = { owner: "Owner", admin: "Admin", member: "Member", viewer: "Viewer" };

/** What one mapping grants: its team, its role and whether it is the admin group. */
export function MappingDescription({ source }: { source: Pick<MappingSource, "teamName" | "role" | "isAdminGroup"> }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {source.teamName && (
        <span>
          Team <span className="font-medium">{source.teamName}</span>
        </span>
      )}
      {source.role && <Badge variant="secondary">Role: {roleLabels[source.role]}</Badge>}
      {source.isAdminGroup && <Badge>Admin group</Badge>}
    </span>
  );
}

/** The mappings a group gets from its nearest mapped ancestors. */
export function InheritedMappings({ sources }: { sources: MappingSource[] }) {
  return (
    <ul className="space-y-1 text-sm text-muted-foreground">
      {sources.map((source) => (
        <li key={source.groupId}>
          Inherits from <span className="font-medium text-foreground">{source.groupName}</span>: <MappingDescription source={source} />
        </li>
      ))}
    </ul>
  );
}
