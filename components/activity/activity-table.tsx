"use client";

import { useEffect, useRef } from "react";
import { ActivityIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActivityListItem } from "@/lib/activity/list-activity";
import type { useActivityQuery } from "@/lib/queries/activity/activity-query";
import { activityKindBadges, activityKindLabels } from "./activity-labels";
import { EventStatus } from "./event-status";
import { EventTime } from "./event-time";

type Props = {
  query: ReturnType<typeof useActivityQuery>;
  filtered: boolean;
  onOpen: (event: ActivityListItem) => void;
  onReset: () => void;
  /** The link and handler that narrow the log to one member. */
  memberHref: (memberId: string) => string;
  onMember: (memberId: string) => void;
};

export function ActivityTable({ query, filtered, onOpen, onReset, memberHref, onMember }: Props) {
  const events = query.data?.pages.flatMap((page) => page.events) ?? [];

  if (query.isPending) {
    return (
      <div className="space-y-2 p-4" aria-busy="true" aria-label="Loading activity">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-9" />
        ))}
      </div>
    );
  }
  if (query.isError && events.length === 0) {
    return (
      <div className="p-4">
        <Alert variant="destructive">
          <AlertDescription>
            <p>Activity could not be loaded: {query.error.message}</p>
            <div className="mt-2 flex gap-2">
              <Button variant="outline" size="sm" onClick={() => void query.refetch()}>
                Try again
              </Button>
              {filtered && (
                <Button variant="outline" size="sm" onClick={onReset}>
                  Reset filters
                </Button>
              )}
            </div>
          </AlertDescription>
        </Alert>
      </div>
    );
  }
  if (events.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 px-4 py-16 text-center">
        <ActivityIcon className="size-8 text-muted-foreground" aria-hidden />
        <p className="font-medium">{filtered ? "No events match these filters" : "No activity yet"}</p>
        {filtered ? (
          <Button variant="outline" size="sm" onClick={onReset}>
            Reset filters
          </Button>
        ) : (
          <p className="text-sm text-muted-foreground">SCIM requests, token changes, admin actions and sync runs appear here as they happen.</p>
        )}
      </div>
    );
  }

  return (
    <div>
      <Table aria-label="Activity">
        <TableHeader>
          <TableRow>
            <TableHead className="pl-4">Time</TableHead>
            <TableHead>Kind</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Summary</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Latency</TableHead>
            <TableHead className="pr-4">Directory</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((event) => (
            <TableRow key={event.id} className="cursor-pointer" onClick={() => onOpen(event)}>
              <TableCell className="pl-4 text-sm text-muted-foreground">
                <EventTime iso={event.createdAt} />
              </TableCell>
              <TableCell>
                <Badge variant={activityKindBadges[event.kind]}>{activityKindLabels[event.kind]}</Badge>
              </TableCell>
              <TableCell className="font-mono text-xs">{event.action}</TableCell>
              <TableCell className="max-w-md whitespace-normal">
                {/* The keyboard way into the details; a click anywhere on the row does the same. */}
                <button
                  type="button"
                  className="text-left hover:underline focus-visible:underline focus-visible:outline-none"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(event);
                  }}
                >
                  {event.summary}
                </button>
                {event.memberId && event.memberName && (
                  <a
                    href={memberHref(event.memberId)}
                    className="block text-xs text-muted-foreground hover:text-foreground hover:underline"
                    aria-label={`Show ${event.memberName}'s events`}
                    onClick={(e) => {
                      e.stopPropagation();
                      e.preventDefault();
                      onMember(event.memberId!);
                    }}
                  >
                    {event.memberName}
                  </a>
                )}
              </TableCell>
              <TableCell>
                <EventStatus event={event} />
              </TableCell>
              <TableCell className="text-right text-sm text-muted-foreground tabular-nums">
                {event.kind === "scim_request" && event.latencyMs !== null ? `${event.latencyMs} ms` : ""}
              </TableCell>
              <TableCell className="pr-4 text-sm">{event.directoryName ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <NextPage query={query} />
    </div>
  );
}

/** Loads the next page when the end of the list scrolls into view; the button does it by hand. */
function NextPage({ query }: { query: ReturnType<typeof useActivityQuery> }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;

  useEffect(() => {
    const node = sentinel.current;
    // After a failed page, wait for the button: retrying on every scroll would hammer a failing server.
    if (!node || !hasNextPage || isFetchingNextPage || isFetchNextPageError) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void fetchNextPage();
    }, { rootMargin: "400px" });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  if (!hasNextPage) return null;
  return (
    <div ref={sentinel} className="flex flex-col items-center gap-2 border-t p-3">
      {isFetchNextPageError && (
        <p role="alert" className="text-sm text-destructive">
          More events could not be loaded: {query.error?.message}
        </p>
      )}
      <Button variant="outline" size="sm" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
        {isFetchingNextPage && <Spinner aria-label="Loading more events" />}
        {isFetchNextPageError ? "Try again" : "Load more"}
      </Button>
    </div>
  );
}
