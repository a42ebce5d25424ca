"use client";

import { useState } from "react";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

function describe(iso: string, now: number): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/** "3 hours ago", with the exact time on hover. Server and browser clocks differ, hence suppressHydrationWarning. */
export function RelativeTime({ iso }: { iso: string }) {
  const [now] = useState(() => Date.now());
  return (
    <time dateTime={iso} title={absolute.format(new Date(iso))} suppressHydrationWarning>
      {describe(iso, now)}
    </time>
  );
}

/** A calendar date, e.g. "Aug 4, 2026"; the time zone is the viewer's, hence suppressHydrationWarning. */
export function CalendarDate({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={absolute.format(new Date(iso))} suppressHydrationWarning>
      {dateOnly.format(new Date(iso))}
    </time>
  );
}
