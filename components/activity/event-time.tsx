"use client";

import { formatRelativeTime } from "@/lib/format-time";
import { useClientTimeZone, useNow } from "./use-client-clock";

export function formatExact(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** "5 minutes ago", with the exact time in the title. */
export function EventTime({ iso }: { iso: string }) {
  const timeZone = useClientTimeZone();
  const now = useNow();
  const exact = formatExact(iso, timeZone);
  return (
    <time dateTime={iso} title={exact} className="whitespace-nowrap">
      {now === null ? exact : formatRelativeTime(iso, new Date(now))}
    </time>
  );
}
