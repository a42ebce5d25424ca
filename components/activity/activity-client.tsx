"use client";

import { useState } from "react";
import { DownloadIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { ActivityListItem } from "@/lib/activity/list-activity";
import { activityFilterParams, hasActivityFilter, type ActivityUrlFilter } from "@/lib/queries/activity/activity-filter";
import { useActivityQuery } from "@/lib/queries/activity/activity-query";
import { ActivityDetailSheet } from "./activity-detail-sheet";
import { ActivityFilters, type DirectoryOption } from "./activity-filters";
import { ActivityTable } from "./activity-table";
import { useActivityFilter } from "./use-activity-filter";
import { useClientTimeZone } from "./use-client-clock";

export function ActivityClient({ directories }: { directories: DirectoryOption[] }) {
  const { filter, hrefFor, setFilter } = useActivityFilter();
  const timeZone = useClientTimeZone();
  const query = useActivityQuery(filter, timeZone);
  const [selected, setSelected] = useState<ActivityListItem | null>(null);

  // Every event of a member filter names that member; the first one loaded gives the chip its name.
  const memberName = filter.memberId
    ? (query.data?.pages[0]?.events.find((event) => event.memberId === filter.memberId)?.memberName ?? null)
    : null;
  const narrow = (patch: ActivityUrlFilter) => {
    setSelected(null);
    setFilter(patch);
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
          <p className="text-sm text-muted-foreground">Every SCIM request, change, token action, admin action and sync run in your workspace, newest first.</p>
        </div>
        <Button asChild variant="outline">
          <a href={`/api/console/activity/export?${activityFilterParams(filter, timeZone)}`} download>
            <DownloadIcon aria-hidden />
            Export CSV
          </a>
        </Button>
      </div>
      <ActivityFilters filter={filter} directories={directories} memberName={memberName} onChange={setFilter} />
      <Card className="py-0">
        <CardContent className="px-0">
          <ActivityTable
            query={query}
            filtered={hasActivityFilter(filter)}
            onOpen={setSelected}
            onReset={() => setFilter(null)}
            memberHref={(memberId) => hrefFor({ memberId })}
            onMember={(memberId) => setFilter({ memberId })}
          />
        </CardContent>
      </Card>
      <ActivityDetailSheet event={selected} onClose={() => setSelected(null)} filterHref={hrefFor} onFilter={narrow} />
    </div>
  );
}
