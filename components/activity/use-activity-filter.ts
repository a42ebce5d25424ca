"use client";

import { useCallback, useMemo } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { activityFilterParams, readActivityFilter, type ActivityUrlFilter } from "@/lib/queries/activity/activity-filter";

/**
 * The activity filters, kept in the URL so a filtered view can be shared and reloaded. Changes go
 * through the History API: Next.js syncs useSearchParams with it without asking the server again.
 */
export function useActivityFilter() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filter = useMemo(() => readActivityFilter(searchParams), [searchParams]);

  const hrefFor = useCallback(
    (patch: ActivityUrlFilter | null) => {
      const query = activityFilterParams(patch === null ? {} : { ...filter, ...patch }).toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [filter, pathname],
  );

  /** `patch` null clears every filter; `replace` for typing, so each keystroke is not a history entry. */
  const setFilter = useCallback(
    (patch: ActivityUrlFilter | null, { replace = false }: { replace?: boolean } = {}) => {
      window.history[replace ? "replaceState" : "pushState"](null, "", hrefFor(patch));
    },
    [hrefFor],
  );

  return { filter, hrefFor, setFilter };
}
