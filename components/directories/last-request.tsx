import { Badge } from "@/components/ui/badge";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/format-time";
import { shortUserAgent, statusTone } from "./last-request-format";

/** When the IdP last called, what Rollcall answered, and who it said it was. */
export function LastRequest({
  at,
  status,
  userAgent,
  now,
}: {
  at: string | null;
  status: number | null;
  userAgent: string | null;
  now: Date;
}) {
  if (!at) return <span className="text-sm text-muted-foreground">No requests yet</span>;
  const agent = shortUserAgent(userAgent);
  return (
    <div className="grid gap-1">
      <div className="flex items-center gap-2">
        <time dateTime={at} title={formatAbsoluteTime(at)} className="text-sm">
          {formatRelativeTime(at, now)}
        </time>
        {status !== null && (
          <Badge variant={statusTone(status)} aria-label={`HTTP status ${status}`}>
            {status}
          </Badge>
        )}
      </div>
      {agent && (
        <span className="max-w-64 truncate text-xs text-muted-foreground" title={userAgent ?? undefined}>
          {agent}
        </span>
      )}
    </div>
  );
}
