import { describe, expect, it } from "vitest";
import { accessSummary } from "./access-summary";

describe("accessSummary", () => {
  it("says when nothing was written", () => {
    expect(accessSummary(null)).toBe("Nothing changed: the mapping already was like this.");
  });

  it("counts the members and only the kinds of change that happened", () => {
    expect(accessSummary({ members: 12, rolesChanged: 3, teamRowsAdded: 1, teamRowsRemoved: 0 })).toBe("12 members updated: 3 roles changed, 1 team membership added.");
    expect(accessSummary({ members: 1, rolesChanged: 0, teamRowsAdded: 0, teamRowsRemoved: 2 })).toBe("1 member updated: 2 team memberships removed.");
  });

  it("says when the members in scope needed no change", () => {
    expect(accessSummary({ members: 4, rolesChanged: 0, teamRowsAdded: 0, teamRowsRemoved: 0 })).toBe("4 members checked; no role or team changed.");
  });
});
