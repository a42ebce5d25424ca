"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * The viewer's time zone; "UTC" while rendering on the server and hydrating, so both render the
 * same markup, and the viewer's own from the next render on.
 */
export function useClientTimeZone(): string {
  return useSyncExternalStore(never, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "UTC");
}

const minute = 60_000;

function everyMinute(onChange: () => void) {
  const timer = setInterval(onChange, minute);
  return () => clearInterval(timer);
}

/** The current minute, for relative times; null on the server and while hydrating. */
export function useNow(): number | null {
  return useSyncExternalStore(everyMinute, () => Math.floor(Date.now() / minute) * minute, () => null);
}
