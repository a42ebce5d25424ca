import { describe, expect, it } from "vitest";
import { profileNames } from "./profile-names";
import { runSimulation } from "./run-simulation";

const baseUrl = "http://scim.test/scim/v2/dir_1";

const reply = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/scim+json" } });

const fakeFetch =
  (handle: (request: Request) => Response | Promise<Response>): typeof fetch =>
  async (input, init) =>
    handle(new Request(input, init));

const serverError = () =>
  reply(500, { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "500", detail: "database is down" });

describe("runSimulation bookkeeping", () => {
  it.each(profileNames)("%s: a server that fails everything gives a report, not an exception", async (profile) => {
    const lines: string[] = [];
    const report = await runSimulation({ profile, baseUrl, token: "t", users: 2, groups: 1, fetch: fakeFetch(serverError), log: (line) => lines.push(line) });

    expect(report.steps.length).toBeGreaterThan(5);
    expect(report.failed).toBe(report.steps.length);
    expect(lines).toHaveLength(report.steps.length);
    for (const step of report.steps) expect(step.detail).toBeTruthy();
    const sent = report.steps.filter((step) => !step.skipped);
    expect(sent[0]?.detail).toContain('got 500 (server said: "database is down")');
    // Everything after the creates needs an id that never came back.
    const skipped = report.steps.filter((step) => step.skipped);
    expect(skipped.length).toBeGreaterThan(0);
    expect(report.skipped).toBe(skipped.length);
    for (const step of skipped) {
      expect(step.status).toBeNull();
      expect(step.detail).toMatch(/^skipped: .*(got 500|was skipped)/);
    }
  });

  it("skips only the steps that need the user that was not created", async () => {
    let next = 0;
    const fetch = fakeFetch(async (request) => {
      if (request.method !== "POST") return reply(204);
      const body = (await request.json()) as { userName: string };
      if (body.userName.includes("-002@")) return serverError();
      return reply(201, { ...body, id: `u${++next}`, active: true });
    });
    const report = await runSimulation({ profile: "entra", baseUrl, token: "t", users: 3, groups: 0, fetch });

    const second = report.steps.filter((step) => /\buser 2\b/.test(step.name) && !step.name.startsWith("create"));
    expect(second.length).toBeGreaterThan(0);
    for (const step of second.filter((s) => s.path.includes("{user:1}"))) {
      expect(step.skipped).toBe(true);
      expect(step.detail).toMatch(/^skipped: "create user 2 .*" got 500$/);
    }
    const third = report.steps.filter((step) => /\buser 3\b/.test(step.name) && step.method === "PATCH");
    expect(third.length).toBeGreaterThan(0);
    expect(third.every((step) => step.status === 204 && !step.skipped)).toBe(true);
  });

  it("records a network failure as a reason", async () => {
    const fetch = fakeFetch(() => {
      throw new TypeError("fetch failed");
    });
    const report = await runSimulation({ profile: "generic", baseUrl, token: "t", users: 1, groups: 0, fetch });
    expect(report.steps[0]).toMatchObject({ status: null, ok: false, detail: "no response: fetch failed" });
  });

  it("fails Okta's create when the 201 has an empty body, and says why", async () => {
    const fetch = fakeFetch((request) => (request.method === "POST" ? reply(201) : serverError()));
    const report = await runSimulation({ profile: "okta", baseUrl, token: "t", users: 1, groups: 0, fetch });
    const create = report.steps.find((step) => step.method === "POST" && step.name.startsWith("create user 1"));
    expect(create).toMatchObject({ status: 201, ok: false });
    expect(create?.detail).toContain("Create new user returned empty user");
  });

  it("sends each IdP's User-Agent and Content-Type", async () => {
    const seen = new Map<string, string>();
    const record = (profile: string) =>
      fakeFetch((request) => {
        if (request.method === "POST") seen.set(profile, `${request.headers.get("user-agent")} | ${request.headers.get("content-type")}`);
        return serverError();
      });
    await runSimulation({ profile: "okta", baseUrl, token: "t", users: 1, groups: 0, fetch: record("okta") });
    await runSimulation({ profile: "entra", baseUrl, token: "t", users: 1, groups: 0, fetch: record("entra") });
    expect(seen.get("okta")).toBe("Okta SCIM Client 1.0.0 | application/json");
    expect(seen.get("entra")).toBe("Microsoft Azure AD SCIM provisioning | application/scim+json");
  });

  it("refuses a scale it cannot run", async () => {
    await expect(runSimulation({ profile: "okta", baseUrl, token: "t", users: 2, members: 3 })).rejects.toThrow(RangeError);
  });
});
