import type { ListRequest } from "./list-request";

/**
 * One page and totalResults. A page that comes back short tells the total by itself, so the count
 * query runs only when the page is full (or empty past the start): IdP lookups by userName, which
 * are most of the traffic, cost one query.
 */
export async function fetchPage<Row>(
  list: ListRequest,
  rows: (limit: number, offset: number) => Promise<Row[]>,
  count: () => Promise<number>,
): Promise<{ rows: Row[]; total: number }> {
  if (list.count === 0) return { rows: [], total: await count() };
  const page = await rows(list.count, list.startIndex - 1);
  const tellsTotal = page.length < list.count && (page.length > 0 || list.startIndex === 1);
  return { rows: page, total: tellsTotal ? list.startIndex - 1 + page.length : await count() };
}
