"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import type { ActivityListItem } from "@/lib/activity/list-activity";
import { activityKindBadges, activityKindLabels } from "./activity-labels";
import { EventStatus } from "./event-status";
import { EventTime, formatExact } from "./event-time";
import { useClientTimeZone } from "./use-client-clock";

type Props = {
  event: ActivityListItem | null;
  onClose: () => void;
  filterHref: (patch: { memberId?: string; directoryId?: string }) => string;
  onFilter: (patch: { memberId?: string; directoryId?: string }) => void;
};

export function ActivityDetailSheet({ event, onClose, filterHref, onFilter }: Props) {
  return (
    <Sheet open={event !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="overflow-y-auto">{event && <Details event={event} filterHref={filterHref} onFilter={onFilter} />}</SheetContent>
    </Sheet>
  );
}

function Details({ event, filterHref, onFilter }: { event: ActivityListItem } & Pick<Props, "filterHref" | "onFilter">) {
  const timeZone = useClientTimeZone();
  const isRequest = event.method !== null || event.path !== null;
  const filterLink = (patch: { memberId?: string; directoryId?: string }, label: string) => (
    <a
      href={filterHref(patch)}
      className="text-sm text-primary underline-offset-4 hover:underline"
      onClick={(e) => {
        e.preventDefault();
        onFilter(patch);
      }}
    >
      {label}
    </a>
  );

  return (
    <>
      <SheetHeader className="border-b">
        <div className="flex items-center gap-2">
          <Badge variant={activityKindBadges[event.kind]}>{activityKindLabels[event.kind]}</Badge>
          <EventStatus event={event} />
        </div>
        <SheetTitle className="font-mono text-base">{event.action}</SheetTitle>
        <SheetDescription>{event.summary}</SheetDescription>
      </SheetHeader>
      <div className="space-y-6 px-4 pb-6">
        <Section title="Event">
          <Field label="Time">
            {formatExact(event.createdAt, timeZone)} (<EventTime iso={event.createdAt} />)
          </Field>
          <Field label="Actor">{event.actorName ?? (event.kind === "scim_request" ? "Identity provider" : "—")}</Field>
          <Field label="Directory">
            {event.directoryId ? (
              <div className="flex flex-col items-start gap-0.5">
                <span>{event.directoryName ?? "Deleted directory"}</span>
                {filterLink({ directoryId: event.directoryId }, "Show this directory's events")}
              </div>
            ) : (
              "—"
            )}
          </Field>
          {event.memberId && (
            <Field label="Member">
              <div className="flex flex-col items-start gap-0.5">
                <span>{event.memberName ?? "Removed member"}</span>
                {filterLink({ memberId: event.memberId }, "Show this member's events")}
              </div>
            </Field>
          )}
          <Field label="Event id">
            <span className="font-mono text-xs">{event.id}</span>
          </Field>
        </Section>

        {isRequest && (
          <Section title="Request">
            <Field label="Request">
              <span className="font-mono text-xs break-all">
                {event.method} {event.path}
              </span>
            </Field>
            <Field label="Status">
              <EventStatus event={event} />
            </Field>
            {event.latencyMs !== null && <Field label="Latency">{event.latencyMs} ms</Field>}
            <Field label="User agent">
              <span className="break-all">{event.userAgent ?? "—"}</span>
            </Field>
          </Section>
        )}

        {(event.resourceType || event.resourceId) && (
          <Section title="Resource">
            <Field label="Type">{event.resourceType ?? "—"}</Field>
            <Field label="Id">
              <span className="font-mono text-xs break-all">{event.resourceId ?? "—"}</span>
            </Field>
          </Section>
        )}

        {event.error && (
          <section aria-labelledby="activity-detail-error" className="space-y-2">
            <h3 id="activity-detail-error" className="text-sm font-semibold">
              Error
            </h3>
            <p className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm whitespace-pre-wrap text-destructive">{event.error}</p>
          </section>
        )}

        {event.changes && (
          <section aria-labelledby="activity-detail-changes" className="space-y-2">
            <h3 id="activity-detail-changes" className="text-sm font-semibold">
              What changed
            </h3>
            <pre className="max-h-96 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">{JSON.stringify(event.changes, null, 2)}</pre>
          </section>
        )}
      </div>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">{children}</dl>
    </section>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}
