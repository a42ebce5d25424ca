"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { ChoiceList } from "@/components/directory-tokens/choice-list";
import type { GroupMappingItem, MappingSource, mappableRoles } from "@/lib/mappings/group-mappings";
import { removeMappingAction, saveMappingAction } from "@/app/(console)/console/directories/[directoryId]/mappings/actions";
import type { MappingTeamChoice } from "@/app/(console)/console/directories/[directoryId]/mappings/mappings.schema";
import { accessSummary } from "./access-summary";
import { InheritedMappings } from "./mapping-description";

export type MappingTeam = { id: string; name: string };

type RoleChoice = "none" | (typeof mappableRoles)[number];
type Resolution = "" | "use-existing" | "rename";

const noTeam = "none";
const newTeam = "new";

const roleChoices = [
  { value: "none", label: "No role", hint: "Members keep the role their other groups, or the workspace default, give them." },
  { value: "admin", label: "Admin", hint: "Manages the workspace: members, teams, directories and settings." },
  { value: "member", label: "Member", hint: "Works in the workspace, without access to its settings." },
  { value: "viewer", label: "Viewer", hint: "Sees the workspace and changes nothing." },
] as const satisfies readonly { value: RoleChoice; label: string; hint: string }[];

/** Team names are unique per workspace ignoring case, as the database's index compares them. */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function MappingDialog({
  directoryId,
  group,
  adminGroup,
  teams,
  onClose,
}: {
  directoryId: string;
  group: GroupMappingItem;
  /** The directory's admin group, if any. */
  adminGroup: MappingSource | null;
  teams: MappingTeam[];
  onClose: () => void;
}) {
  const { own } = group;
  const [teamSelection, setTeamSelection] = useState<string>(own?.teamId ?? noTeam);
  const [resolution, setResolution] = useState<Resolution>("");
  const [otherName, setOtherName] = useState("");
  const [takenOnServer, setTakenOnServer] = useState<MappingTeam | null>(null);
  const [role, setRole] = useState<RoleChoice>(roleChoices.find((choice) => choice.value === own?.role)?.value ?? "none");
  const [isAdminGroup, setIsAdminGroup] = useState(own?.isAdminGroup ?? false);
  const [moveConfirmed, setMoveConfirmed] = useState(false);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const nameConflict = teamSelection === newTeam ? (takenOnServer ?? teams.find((t) => sameName(t.name, group.displayName)) ?? null) : null;
  const otherNameTaken = resolution === "rename" ? teams.find((t) => sameName(t.name, otherName)) : undefined;
  const otherAdminGroup = adminGroup && adminGroup.groupId !== group.groupId ? adminGroup : null;
  const team = chosenTeam();
  const grantsSomething = (team !== null && team.kind !== "none") || role !== "none" || isAdminGroup;
  const canSave = team !== null && grantsSomething && !(isAdminGroup && otherAdminGroup && !moveConfirmed) && !pending;

  /** The team to send, or null while a name conflict is unresolved. */
  function chosenTeam(): MappingTeamChoice | null {
    if (teamSelection === noTeam) return { kind: "none" };
    if (teamSelection !== newTeam) return { kind: "existing", teamId: teamSelection };
    if (!nameConflict) return { kind: "new", name: group.displayName };
    if (resolution === "use-existing") return { kind: "existing", teamId: nameConflict.id };
    if (resolution === "rename" && otherName.trim() && !otherNameTaken) return { kind: "new", name: otherName };
    return null;
  }

  function save() {
    if (!team) return;
    setError(undefined);
    startTransition(async () => {
      const result = await saveMappingAction({
        directoryId,
        groupId: group.groupId,
        team,
        role: role === "none" ? null : role,
        isAdminGroup,
        moveAdminGroup: isAdminGroup && otherAdminGroup !== null && moveConfirmed,
      });
      if (!result.ok) return setError(result.error);
      if (result.data.outcome === "team-name-taken") {
        const { existingTeam } = result.data;
        // Our team list was out of date: the admin resolves the conflict like any other.
        if (team.kind === "new" && sameName(team.name, group.displayName)) {
          setTakenOnServer(existingTeam);
          setResolution("");
        } else {
          setError(`A team named "${existingTeam.name}" already exists. Choose another name.`);
        }
        return;
      }
      toast.success(`Mapping of "${group.displayName}" saved`, { description: accessSummary(result.data.access) });
      onClose();
    });
  }

  function remove() {
    setError(undefined);
    startTransition(async () => {
      const result = await removeMappingAction({ directoryId, groupId: group.groupId });
      if (!result.ok) return setError(result.error);
      toast.success(`Mapping of "${group.displayName}" removed`, { description: accessSummary(result.data.access) });
      onClose();
    });
  }

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent className="flex max-h-[90vh] flex-col sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Mapping of {group.displayName}</DialogTitle>
          <DialogDescription>
            Members of this group and of the groups nested in it get its team and role at once. Saving replaces the group&apos;s whole mapping.
          </DialogDescription>
        </DialogHeader>

        <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-1">
          {group.inherited.length > 0 && (
            <div className="space-y-1 rounded-md border bg-muted/40 p-3">
              <p className="text-sm font-medium">Also applies to its members</p>
              <InheritedMappings sources={group.inherited} />
            </div>
          )}

          <div className="space-y-2">
            <Label htmlFor="mapping-team">Team</Label>
            <Select value={teamSelection} onValueChange={setTeamSelection} disabled={pending}>
              <SelectTrigger id="mapping-team" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={noTeam}>No team</SelectItem>
                {teams.map((t) => (
                  <SelectItem key={t.id} value={t.id}>
                    {t.name}
                  </SelectItem>
                ))}
                <SelectSeparator />
                <SelectItem value={newTeam}>Create a team named after this group</SelectItem>
              </SelectContent>
            </Select>
            {teamSelection === newTeam && !nameConflict && (
              <p className="text-sm text-muted-foreground">
                Saving creates the team <span className="font-medium text-foreground">{group.displayName}</span>.
              </p>
            )}
          </div>

          {nameConflict && (
            <Alert>
              <AlertTitle>A team named “{nameConflict.name}” already exists</AlertTitle>
              <AlertDescription className="space-y-3">
                <p>A group is never merged into a team because their names match. Choose what this mapping should do.</p>
                <ChoiceList<Resolution>
                  legend="Resolve the name conflict"
                  name="mapping-team-conflict"
                  choices={[
                    { value: "use-existing", label: `Use the existing team ${nameConflict.name}`, hint: "The group's members join that team." },
                    { value: "rename", label: "Create a team with another name" },
                  ]}
                  value={resolution}
                  onChange={setResolution}
                />
                {resolution === "rename" && (
                  <div className="space-y-2">
                    <Label htmlFor="mapping-team-name">New team name</Label>
                    <Input
                      id="mapping-team-name"
                      value={otherName}
                      maxLength={200}
                      aria-invalid={otherNameTaken ? true : undefined}
                      aria-describedby={otherNameTaken ? "mapping-team-name-error" : undefined}
                      onChange={(e) => setOtherName(e.target.value)}
                    />
                    {otherNameTaken && (
                      <p id="mapping-team-name-error" className="text-sm text-destructive">
                        A team named “{otherNameTaken.name}” exists too. Choose another name.
                      </p>
                    )}
                  </div>
                )}
              </AlertDescription>
            </Alert>
          )}

          <div className="space-y-2">
            <ChoiceList legend="Role" name="mapping-role" choices={roleChoices} value={role} onChange={setRole} />
            <p className="text-sm text-muted-foreground">
              Highest privilege wins: a member in several mapped groups gets the highest of their roles (Admin, then Member, then Viewer). Owners are never changed.
            </p>
          </div>

          <div className="space-y-3">
            <div className="flex items-start gap-3 rounded-md border p-3">
              <input
                id="mapping-admin-group"
                type="checkbox"
                className="mt-0.5 accent-primary"
                checked={isAdminGroup}
                aria-describedby="mapping-admin-group-hint"
                onChange={(e) => {
                  setIsAdminGroup(e.target.checked);
                  setMoveConfirmed(false);
                }}
              />
              <div className="space-y-1">
                <Label htmlFor="mapping-admin-group">Admin group</Label>
                <p id="mapping-admin-group-hint" className="text-sm text-muted-foreground">
                  Its members get at least the Admin role, whatever their other groups say. A directory has one admin group.
                </p>
              </div>
            </div>
            {isAdminGroup && otherAdminGroup && (
              <Alert>
                <AlertTitle>“{otherAdminGroup.groupName}” is the admin group now</AlertTitle>
                <AlertDescription className="space-y-2">
                  <p>
                    Making this group the admin group takes it over: members of “{otherAdminGroup.groupName}” lose the admin rights it gave them, and its mapping is removed
                    if it mapped nothing else.
                  </p>
                  <label htmlFor="mapping-move-admin-group" className="flex items-start gap-2 font-medium text-foreground">
                    <input
                      id="mapping-move-admin-group"
                      type="checkbox"
                      className="mt-0.5 accent-primary"
                      checked={moveConfirmed}
                      onChange={(e) => setMoveConfirmed(e.target.checked)}
                    />
                    Move the admin group from “{otherAdminGroup.groupName}” to this group
                  </label>
                </AlertDescription>
              </Alert>
            )}
          </div>

          {!grantsSomething && (
            <p className="text-sm text-muted-foreground">Choose a team, a role or the admin group to save a mapping{own ? ", or remove the mapping" : ""}.</p>
          )}
          {error && (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}
        </div>

        {confirmingRemoval ? (
          <div className="space-y-3 border-t pt-4">
            <p className="text-sm">
              Remove the mapping of “{group.displayName}”? Its members lose the team and role it gave them, unless another group gives them too.
            </p>
            <DialogFooter>
              <Button variant="outline" onClick={() => setConfirmingRemoval(false)} disabled={pending}>
                Keep the mapping
              </Button>
              <Button variant="destructive" onClick={remove} disabled={pending}>
                {pending && <Spinner aria-label="Removing" />}
                Yes, remove the mapping
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <DialogFooter className="sm:justify-between">
            {own ? (
              <Button variant="ghost" className="text-destructive hover:text-destructive" onClick={() => setConfirmingRemoval(true)} disabled={pending}>
                Remove mapping
              </Button>
            ) : (
              <span />
            )}
            <div className="flex flex-col-reverse gap-2 sm:flex-row">
              <Button variant="outline" onClick={onClose} disabled={pending}>
                Cancel
              </Button>
              <Button onClick={save} disabled={!canSave}>
                {pending && <Spinner aria-label="Saving" />}
                Save mapping
              </Button>
            </div>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}
