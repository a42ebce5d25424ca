"use client";

import { useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { setMemberRoleAction } from "@/app/(console)/console/actions";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { roleLabels } from "@/components/directory-mappings/mapping-description";
import type { MemberListItem } from "@/lib/members/list-members";
import { memberKeys } from "@/lib/queries/members/keys";

/** What an admin may hand out: ownership never. */
const assignableRoles = ["admin", "member", "viewer"] as const;
type AssignableRole = (typeof assignableRoles)[number];

/** The role of one member: a picker, except for the owner and for roles the directory's mappings manage. */
export function MemberRoleCell({ member }: { member: MemberListItem }) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  if (member.role === "owner" || member.roleManagedByDirectory) {
    return (
      <>
        <span className="capitalize">{member.role}</span>
        {member.roleManagedByDirectory && <span className="block text-xs text-muted-foreground">From directory groups</span>}
      </>
    );
  }

  const change = (role: AssignableRole) =>
    startTransition(async () => {
      setError(undefined);
      const result = await setMemberRoleAction({ memberId: member.id, role });
      if (!result.ok) setError(result.error);
      await queryClient.invalidateQueries({ queryKey: memberKeys.all });
    });

  return (
    <div className="flex max-w-56 flex-col gap-1">
      <div className="flex items-center gap-2">
        <Select value={member.role} onValueChange={(role) => change(role as AssignableRole)} disabled={pending}>
          <SelectTrigger size="sm" className="w-28" aria-label={`Role of ${member.name}`}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {assignableRoles.map((role) => (
              <SelectItem key={role} value={role}>
                {roleLabels[role]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {pending && <Spinner aria-label={`Saving the role of ${member.name}`} />}
      </div>
      {error && (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
