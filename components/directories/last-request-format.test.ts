import { describe, expect, it } from "vitest";
import { formatAbsoluteTime, formatRelativeTime, shortUserAgent, statusTone } from "./last-request-format";

describe("formatRelativeTime", () => {
  const now = new Date("2030-03-14T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it("says how long ago, in the largest whole unit", () => {
    expect(formatRelativeTime(ago(10), now)).toBe("just now");
    expect(formatRelativeTime(ago(50), now)).toBe("50 seconds ago");
    expect(formatRelativeTime(ago(5 * 60), now)).toBe("5 minutes ago");
    expect(formatRelativeTime(ago(3 * 3600), now)).toBe("3 hours ago");
    expect(formatRelativeTime(ago(26 * 3600), now)).toBe("yesterday");
    expect(formatRelativeTime(ago(15 * 24 * 3600), now)).toBe("2 weeks ago");
  });

  it("gives the exact instant in UTC for a tooltip", () => {
    expect(formatAbsoluteTime("2030-03-14T09:30:00Z")).toBe("14 Mar 2030, 09:30 UTC");
  });
});

describe("shortUserAgent", () => {
  it("keeps short user agents and drops comments in parentheses", () => {
    expect(shortUserAgent("Okta SCIM Client 1.0.0")).toBe("Okta SCIM Client 1.0.0");
    expect(shortUserAgent("Microsoft Azure AD SCIM provisioning")).toBe("Microsoft Azure AD SCIM provisioning");
    expect(shortUserAgent("Apache-HttpClient/4.5.13 (Java/11.0.20)")).toBe("Apache-HttpClient/4.5.13");
    expect(shortUserAgent("(only a comment)")).toBe("(only a comment)");
  });

  it("cuts long ones at a word, and has nothing to say about none", () => {
    expect(shortUserAgent("Mozilla/5.0 AppleWebKit/537.36 Chrome/120.0.0.0 Safari/537.36 Edg/120.0")).toBe("Mozilla/5.0 AppleWebKit/537.36…");
    expect(shortUserAgent(null)).toBeNull();
    expect(shortUserAgent("  ")).toBeNull();
  });
});

describe("statusTone", () => {
  it("tells success, client errors and server errors apart", () => {
    expect([200, 201, 204, 304, 400, 409, 429, 500, 503, null].map(statusTone)).toEqual([
      "success",
      "success",
      "success",
      "success",
      "warning",
      "warning",
      "warning",
      "destructive",
      "destructive",
      "secondary",
    ]);
  });
});
