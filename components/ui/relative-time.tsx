"use client";

import { useEffect, useState } from "react";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/format-time";

/**
 * A time shown relative to now (the exact time in its tooltip), kept current while on screen.
 * Server and browser clocks differ by the render delay, hence suppressHydrationWarning.
 */
export function RelativeTime({ value, fallback = "Never" }: { value: string | null; fallback?: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!value) return <span>{fallback}</span>;
  return (
    <time dateTime={value} title={formatAbsoluteTime(value)} suppressHydrationWarning>
      {formatRelativeTime(value, now)}
    </time>
  );
}

const dateOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** A calendar date, e.g. "Aug 4, 2026"; the time zone is the viewer's, hence suppressHydrationWarning. */
export function CalendarDate({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatAbsoluteTime(iso)} suppressHydrationWarning>
      {dateOnly.format(new Date(iso))}
    </time>
  );
}
