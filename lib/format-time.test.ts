import { describe, expect, it } from "vitest";
import { formatAbsoluteTime, formatRelativeTime } from "./format-time";

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
