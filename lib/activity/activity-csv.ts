import type { Db } from "@/db/client";
import { fetchActivityPage, type ActivityFilter, type ActivityListItem } from "./list-activity";

const columns: [header: string, value: (event: ActivityListItem) => string | number | null][] = [
  ["id", (e) => e.id],
  ["time", (e) => e.createdAt],
  ["kind", (e) => e.kind],
  ["action", (e) => e.action],
  ["summary", (e) => e.summary],
  ["status", (e) => e.status],
  ["method", (e) => e.method],
  ["path", (e) => e.path],
  ["latency_ms", (e) => e.latencyMs],
  ["directory", (e) => e.directoryName],
  ["directory_id", (e) => e.directoryId],
  ["member", (e) => e.memberName],
  ["member_id", (e) => e.memberId],
  ["actor", (e) => e.actorName],
  ["resource_type", (e) => e.resourceType],
  ["resource_id", (e) => e.resourceId],
  ["user_agent", (e) => e.userAgent],
  ["error", (e) => e.error],
  ["changes", (e) => (e.changes ? JSON.stringify(e.changes) : null)],
];

/**
 * One CSV field (RFC 4180). Text a spreadsheet would run as a formula (= + - @, and tab or carriage
 * return, which some spreadsheets skip before one) gets a leading single quote: IdPs and their users
 * control much of what lands in the log, e.g. user agents and user names in summaries.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export const activityCsvHeader = csvRecord(columns.map(([header]) => header));

export function activityCsvRecord(event: ActivityListItem): string {
  return csvRecord(columns.map(([, value]) => value(event)));
}

/**
 * The filtered activity log as CSV, newest first, read in keyset batches as the client takes it:
 * memory stays at one batch however long the log. Events recorded after the export began are newer
 * than its first batch, so they are not in it.
 */
export function streamActivityCsv(db: Db, workspaceId: string, filter: ActivityFilter, batchSize = 1000): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let beforeId: number | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          // The byte order mark makes Excel read the file as UTF-8.
          controller.enqueue(encoder.encode(`\uFEFF${activityCsvHeader}`));
          return;
        }
        const page = await fetchActivityPage(db, workspaceId, filter, beforeId, batchSize);
        if (page.events.length > 0) controller.enqueue(encoder.encode(page.events.map(activityCsvRecord).join("")));
        if (page.nextCursor === null) controller.close();
        else beforeId = Number(page.nextCursor);
      },
    },
    { highWaterMark: 0 },
  );
}
