"use client";

import { useDeferredValue, useState } from "react";
import { SearchIcon } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { SeatUsage } from "@/lib/workspaces/seat-usage";
import { MembersTable } from "./members-table";
import { TeamsCard } from "./teams-card";

export function MembersClient({ seats }: { seats: SeatUsage }) {
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
          <p className="text-sm text-muted-foreground">Everyone in your workspace, with their role, status and where they came from.</p>
        </div>
        <div className="relative w-full sm:w-72">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            aria-label="Search members"
            placeholder="Search name or email"
            className="pl-8"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_18rem]">
        <Card className="py-0">
          <CardContent className="px-0">
            <MembersTable search={deferredSearch} />
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Seats</CardTitle>
              <CardDescription>Active members use a seat; suspended members do not.</CardDescription>
            </CardHeader>
            <CardContent>
              <p className="text-2xl font-semibold" aria-label={`${seats.used} of ${seats.limit} seats used`}>
                {seats.used} <span className="text-base font-normal text-muted-foreground">of {seats.limit}</span>
              </p>
              <div className="mt-2 h-2 rounded-full bg-muted" aria-hidden>
                <div className="h-2 rounded-full bg-primary" style={{ width: `${Math.min(100, (seats.used / Math.max(1, seats.limit)) * 100)}%` }} />
              </div>
            </CardContent>
          </Card>
          <TeamsCard />
        </div>
      </div>
    </div>
  );
}
