import { describe, expect, it } from "vitest";
import { shortUserAgent, statusTone } from "./last-request-format";

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
