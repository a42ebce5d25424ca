const maxUserAgentLength = 40;

/**
 * A User-Agent short enough for a table cell: comments in parentheses dropped
 * ("Apache-HttpClient/4.5.13 (Java/11)" → "Apache-HttpClient/4.5.13"), then cut at a word.
 */
export function shortUserAgent(userAgent: string | null): string | null {
  const full = userAgent?.trim();
  if (!full) return null;
  const withoutComments = full.replace(/\s*\([^)]*\)/g, "").trim() || full;
  if (withoutComments.length <= maxUserAgentLength) return withoutComments;
  const cut = withoutComments.slice(0, maxUserAgentLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxUserAgentLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export type StatusTone = "success" | "warning" | "destructive" | "secondary";

/** 2xx went through, 4xx the IdP sent something Rollcall refused, 5xx Rollcall failed. */
export function statusTone(status: number | null): StatusTone {
  if (status === null) return "secondary";
  if (status < 400) return "success";
  if (status < 500) return "warning";
  return "destructive";
}
