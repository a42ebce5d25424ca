"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { SearchIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { hasActivityFilter, type ActivityUrlFilter } from "@/lib/queries/activity/activity-filter";
import { activityKindLabels, isActivityKind } from "./activity-labels";

export type DirectoryOption = { id: string; name: string };

type Props = {
  filter: ActivityUrlFilter;
  directories: DirectoryOption[];
  /** The filtered member's name, once an event of theirs has loaded. */
  memberName: string | null;
  onChange: (patch: ActivityUrlFilter | null, options?: { replace?: boolean }) => void;
};

const all = "all";

/** The words zod's stringbool reads as true, so a hand-written `errorsOnly=1` shows as checked. */
const isOn = (value: string | undefined) => ["true", "1", "yes", "on", "y", "enabled"].includes(value?.toLowerCase() ?? "");

export function ActivityFilters({ filter, directories, memberName, onChange }: Props) {
  const directory = directories.find((d) => d.id === filter.directoryId);
  const unknownDirectory = filter.directoryId !== undefined && !directory;
  const directoryLabel = directory?.name ?? (unknownDirectory ? "Unknown directory" : "All directories");
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <SearchBox value={filter.search ?? ""} onSearch={(search) => onChange({ search }, { replace: true })} />
        <div className="grid gap-1.5">
          <Label htmlFor="activity-kind">Kind</Label>
          <Select value={isActivityKind(filter.kind) ? filter.kind : all} onValueChange={(kind) => onChange({ kind: kind === all ? undefined : kind })}>
            <SelectTrigger id="activity-kind" className="w-40">
              {/* Spelled out: Radix fills an empty value from the items only once it runs in the browser. */}
              <SelectValue>{isActivityKind(filter.kind) ? activityKindLabels[filter.kind] : "All kinds"}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={all}>All kinds</SelectItem>
              {Object.entries(activityKindLabels).map(([kind, label]) => (
                <SelectItem key={kind} value={kind}>
                  {label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-directory">Directory</Label>
          <Select value={filter.directoryId ?? all} onValueChange={(directoryId) => onChange({ directoryId: directoryId === all ? undefined : directoryId })}>
            <SelectTrigger id="activity-directory" className="w-44">
              <SelectValue>{directoryLabel}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={all}>All directories</SelectItem>
              {directories.map((d) => (
                <SelectItem key={d.id} value={d.id}>
                  {d.name}
                </SelectItem>
              ))}
              {unknownDirectory && <SelectItem value={filter.directoryId!}>Unknown directory</SelectItem>}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-from">From</Label>
          <Input
            id="activity-from"
            type="date"
            className="w-40"
            value={filter.from ?? ""}
            max={filter.to}
            onChange={(e) => onChange({ from: e.target.value || undefined })}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="activity-to">To</Label>
          <Input id="activity-to" type="date" className="w-40" value={filter.to ?? ""} min={filter.from} onChange={(e) => onChange({ to: e.target.value || undefined })} />
        </div>
        <label className="flex h-9 items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            className="size-4 accent-destructive"
            checked={isOn(filter.errorsOnly)}
            onChange={(e) => onChange({ errorsOnly: e.target.checked ? "true" : undefined })}
          />
          Errors only
        </label>
      </div>
      {hasActivityFilter(filter) && (
        <div className="flex flex-wrap items-center gap-2">
          {filter.memberId && (
            <span className="inline-flex items-center gap-1 rounded-md border bg-background py-0.5 pr-1 pl-2 text-sm">
              Member: {memberName ?? "selected member"}
              <Button variant="ghost" size="icon" className="size-6" aria-label="Clear member filter" onClick={() => onChange({ memberId: undefined })}>
                <XIcon aria-hidden />
              </Button>
            </span>
          )}
          <Button variant="link" size="sm" className="px-0" onClick={() => onChange(null)}>
            Reset filters
          </Button>
        </div>
      )}
    </div>
  );
}

/** Typing updates the URL after a pause; a change of the URL (back, reset) updates the box. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (search: string | undefined) => void }) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== text.trim()) setText(value);
  }

  const commit = useEffectEvent((search: string) => onSearch(search || undefined));
  useEffect(() => {
    const search = text.trim();
    if (search === value) return;
    const timer = setTimeout(() => commit(search), 300);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <div className="grid gap-1.5">
      <Label htmlFor="activity-search">Search</Label>
      <div className="relative w-full sm:w-64">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input
          id="activity-search"
          type="search"
          placeholder="Summary, path, action, error, IdP"
          className="pl-8"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
    </div>
  );
}
