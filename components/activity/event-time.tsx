"use client";

import { useClientTimeZone, useNow } from "./use-client-clock";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function formatRelative(instant: number, now: number): string {
  const elapsed = instant - now;
  for (const [unit, size] of units) {
    if (Math.abs(elapsed) >= size) return relative.format(Math.round(elapsed / size), unit);
  }
  return "just now";
}

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
      {now === null ? exact : formatRelative(Date.parse(iso), now)}
    </time>
  );
}
