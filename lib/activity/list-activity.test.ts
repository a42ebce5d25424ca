import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/rows";
import { activityEvents, workspaces, type NewActivityEvent } from "@/db/schema";
import { rotateToken } from "@/lib/directories/rotate-token";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase, testDatabaseKind } from "@/test/database";
import { createScimDirectory, patchOp, scimClient } from "@/test/scim";
import { insertActivityEvents } from "./insert-activity-events";
import {
  activityFilterInput,
  activityPageQuery,
  listActivity,
  type ActivityFilterInput,
  type ActivityListItem,
  type ListActivityInput,
} from "./list-activity";

const database = setUpTestDatabase();

let acme: SeededAcme;
let oktaId: string;
let genericId: string;
let aliceId: string;
let globex: { workspaceId: string; directoryId: string; memberId: string };

const user = (userName: string, displayName: string) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  userName,
  displayName,
  emails: [{ primary: true, value: userName, type: "work" }],
  active: true,
});

/** Every event of a workspace matching `input`, read page by page. */
async function readAll(workspaceId: string, input: ListActivityInput = {}, limit = 7): Promise<ActivityListItem[]> {
  const events: ActivityListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await listActivity(database().db, workspaceId, { ...input, cursor, limit });
    expect(page.events.length).toBeLessThanOrEqual(limit);
    events.push(...page.events);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return events;
}

const ids = (events: { id: number }[]) => events.map((e) => e.id);

async function acmeEvents() {
  return database().db.select().from(activityEvents).where(eq(activityEvents.workspaceId, acme.workspaceId)).orderBy(desc(activityEvents.id));
}

const seeded = (event: Partial<NewActivityEvent> & Pick<NewActivityEvent, "createdAt">): NewActivityEvent => ({
  workspaceId: acme.workspaceId,
  kind: "sync",
  action: "sync.finished",
  summary: "Seeded event",
  ...event,
});

beforeAll(async () => {
  const { db } = database();
  acme = await seedAcme(db);

  // Real traffic: two directories, provisioning, reads, a failed request, a rotation.
  const okta = await createScimDirectory(db, acme.workspaceId, "okta");
  oktaId = okta.directoryId;
  const oktaClient = scimClient(okta.directoryId, okta.token, { "user-agent": "Okta SCIM Client 1.0.0" });
  const created = await oktaClient.post("/Users", user("alice@acme.test", "Alice Smith"));
  expect(created.status).toBe(201);
  aliceId = String(created.body.id);
  expect((await oktaClient.get(`/Users/${aliceId}`)).status).toBe(200);
  expect((await oktaClient.patch(`/Users/${aliceId}`, patchOp({ op: "replace", path: "title", value: "CFO" }))).status).toBe(200);
  expect((await oktaClient.post("/Users", user("mallory@evil.test", "Mallory"))).status).toBe(400);
  await rotateToken(db, { directoryId: okta.directoryId, graceSeconds: 0, createdByUserId: acme.ownerUserId });

  const generic = await createScimDirectory(db, acme.workspaceId, "generic");
  genericId = generic.directoryId;
  expect((await generic.client.post("/Users", user("bob@acme.test", "Bob Jones"))).status).toBe(201);
  expect((await scimClient(generic.directoryId, "wrong-token").get("/Users")).status).toBe(401);

  // Another workspace with the same kinds of events, which Acme must never see.
  const [other] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 10 }).returning();
  const globexDirectory = await createScimDirectory(db, other!.id, "okta");
  const globexUser = await globexDirectory.client.post("/Users", user("alice@globex.test", "Alice Smith"));
  expect(globexUser.status).toBe(201);
  globex = { workspaceId: other!.id, directoryId: globexDirectory.directoryId, memberId: String(globexUser.body.id) };

  await insertActivityEvents(db, [
    // Around 2024-05-02, for the date range.
    seeded({ summary: "day before, last ms", createdAt: new Date("2024-05-01T23:59:59.999Z") }),
    seeded({ summary: "day start", createdAt: new Date("2024-05-02T00:00:00.000Z") }),
    seeded({ summary: "day end", createdAt: new Date("2024-05-02T23:59:59.999Z") }),
    seeded({ summary: "day after, first ms", createdAt: new Date("2024-05-03T00:00:00.000Z") }),
    // Text that LIKE would read as wildcards.
    seeded({ summary: "Reconciled 100% of members", createdAt: new Date("2024-06-01T00:00:00Z") }),
    seeded({ summary: "Reconciled 1000 members", createdAt: new Date("2024-06-01T00:00:01Z") }),
    seeded({ summary: "Mapped group eng_team", createdAt: new Date("2024-06-01T00:00:02Z") }),
    seeded({ summary: "Mapped group eng-team", createdAt: new Date("2024-06-01T00:00:03Z") }),
    seeded({ summary: "Path C:\\temp", createdAt: new Date("2024-06-01T00:00:04Z") }),
    // An error without a failing status (a sync run that failed).
    seeded({ action: "sync.failed", summary: "Sync failed", error: "Connection reset by peer", createdAt: new Date("2024-06-02T00:00:00Z") }),
  ]);
});

describe("listActivity", () => {
  it("returns the workspace's events newest first, each exactly once across keyset pages", async () => {
    const all = await acmeEvents();
    expect(all.length).toBeGreaterThan(20);

    const paged = await readAll(acme.workspaceId);
    expect(ids(paged)).toEqual(ids(all));
    expect(new Set(ids(paged)).size).toBe(paged.length);

    const first = await listActivity(database().db, acme.workspaceId, { limit: 100 });
    expect(first.nextCursor).toBeNull();
    expect(ids(first.events)).toEqual(ids(all));
  });

  it("joins the directory, member and actor names and keeps the request details", async () => {
    const events = await readAll(acme.workspaceId, { memberId: aliceId });
    const provisioned = events.find((e) => e.action === "member.provisioned");
    expect(provisioned).toMatchObject({
      kind: "scim_request",
      method: "POST",
      path: `/scim/v2/${oktaId}/Users`,
      status: 201,
      userAgent: "Okta SCIM Client 1.0.0",
      resourceType: "User",
      resourceId: aliceId,
      directoryId: oktaId,
      directoryName: "Okta",
      memberId: aliceId,
      memberName: "Alice Smith",
    });
    expect(provisioned?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(provisioned?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const [rotated] = await readAll(acme.workspaceId, { search: "token.rotated" });
    expect(rotated).toMatchObject({ kind: "token", actorUserId: acme.ownerUserId, actorName: "Olivia Park", directoryName: "Okta" });
    expect(rotated?.changes).toMatchObject({ graceSeconds: 0 });
  });

  it("filters by kind", async () => {
    const all = await acmeEvents();
    for (const kind of ["scim_request", "token", "admin", "sync", "member"] as const) {
      const events = await readAll(acme.workspaceId, { kind });
      expect(ids(events)).toEqual(ids(all.filter((e) => e.kind === kind)));
    }
    expect((await readAll(acme.workspaceId, { kind: "token" })).map((e) => e.action)).toEqual(["token.created", "token.rotated", "token.created", "token.created"]);
  });

  it("shows errors only: failing statuses and events with an error", async () => {
    const events = await readAll(acme.workspaceId, { errorsOnly: true });
    expect(events.map((e) => [e.status, e.summary])).toEqual([
      [null, "Sync failed"],
      [401, "GET failed with 401"],
      [400, "POST failed with 400"],
    ]);
    expect(events.every((e) => e.error)).toBe(true);
    expect(await readAll(acme.workspaceId, { errorsOnly: "true" })).toEqual(events);
    expect(await readAll(acme.workspaceId, { errorsOnly: "false" })).toEqual(await readAll(acme.workspaceId));
  });

  it("filters by directory and by member", async () => {
    const all = await acmeEvents();
    expect(ids(await readAll(acme.workspaceId, { directoryId: genericId }))).toEqual(ids(all.filter((e) => e.directoryId === genericId)));

    const alice = await readAll(acme.workspaceId, { memberId: aliceId });
    expect(alice.map((e) => e.action)).toEqual(["member.updated", "scim.request", "member.provisioned"]);
  });

  it("combines filters", async () => {
    const oktaErrors = await readAll(acme.workspaceId, { kind: "scim_request", errorsOnly: true, directoryId: oktaId });
    expect(oktaErrors.map((e) => e.summary)).toEqual(["POST failed with 400"]);
    expect(oktaErrors[0]?.error).toContain("domain");

    expect(await readAll(acme.workspaceId, { kind: "token", directoryId: genericId, search: "created" })).toHaveLength(1);
    expect(await readAll(acme.workspaceId, { kind: "admin", memberId: aliceId })).toEqual([]);
    expect((await readAll(acme.workspaceId, { kind: "sync", from: "2024-05-02", to: "2024-05-02", search: "end" })).map((e) => e.summary)).toEqual(["day end"]);
  });

  it("includes both days of a date range, whole, in the viewer's time zone", async () => {
    const summaries = async (input: ListActivityInput) => (await readAll(acme.workspaceId, { kind: "sync", ...input })).map((e) => e.summary);

    expect(await summaries({ from: "2024-05-02", to: "2024-05-02" })).toEqual(["day end", "day start"]);
    expect(await summaries({ from: "2024-05-01", to: "2024-05-01" })).toEqual(["day before, last ms"]);
    expect(await summaries({ to: "2024-05-01" })).toEqual(["day before, last ms"]);
    expect(await summaries({ from: "2024-05-03", to: "2024-05-31" })).toEqual(["day after, first ms"]);
    expect(await summaries({ from: "2024-06-02" })).toEqual(["Sync failed"]);
    expect(await summaries({ from: "2024-05-03", to: "2024-05-02" })).toEqual([]);
    // 2 May in Berlin (UTC+2 in summer) runs from 1 May 22:00 to 2 May 22:00 UTC.
    expect(await summaries({ from: "2024-05-02", to: "2024-05-02", tz: "Europe/Berlin" })).toEqual(["day start", "day before, last ms"]);
    expect(await summaries({ from: "2024-05-02", to: "2024-05-02", tz: "America/New_York" })).toEqual(["day after, first ms", "day end"]);
  });

  it("searches summary, path, action, error and user agent, ignoring case", async () => {
    const summaries = async (search: string) => (await readAll(acme.workspaceId, { search })).map((e) => e.summary);

    expect(await summaries("ALICE@acme")).toEqual(["Updated alice@acme.test", "Read alice@acme.test", "Provisioned alice@acme.test"]);
    expect(await summaries(`/scim/v2/${genericId}/users`)).toEqual(["GET failed with 401", "Provisioned bob@acme.test"]);
    expect(await summaries("TOKEN.ROTATED")).toHaveLength(1);
    expect(await summaries("reset by PEER")).toEqual(["Sync failed"]);
    expect((await readAll(acme.workspaceId, { search: "okta scim client" })).every((e) => e.userAgent === "Okta SCIM Client 1.0.0")).toBe(true);
    expect(await readAll(acme.workspaceId, { search: "okta scim client" })).toHaveLength(4);
    expect(await summaries("  no such text  ")).toEqual([]);
  });

  it("treats % _ and \\ in the search as plain text", async () => {
    const summaries = async (search: string) => (await readAll(acme.workspaceId, { search })).map((e) => e.summary);
    expect(await summaries("100%")).toEqual(["Reconciled 100% of members"]);
    expect(await summaries("eng_team")).toEqual(["Mapped group eng_team"]);
    expect(await summaries("C:\\temp")).toEqual(["Path C:\\temp"]);
    expect(await summaries("%")).toEqual(["Reconciled 100% of members"]);
    expect(await summaries("g_t")).toEqual(["Mapped group eng_team"]);
  });

  it("never returns another workspace's events, also not for its directory or member id", async () => {
    const globexIds = new Set(ids(await readAll(globex.workspaceId)));
    expect(globexIds.size).toBeGreaterThan(0);
    const acmeAll = await readAll(acme.workspaceId);
    expect(acmeAll.some((e) => globexIds.has(e.id))).toBe(false);

    expect(await readAll(acme.workspaceId, { directoryId: globex.directoryId })).toEqual([]);
    expect(await readAll(acme.workspaceId, { memberId: globex.memberId })).toEqual([]);
    expect(await readAll(acme.workspaceId, { search: "globex" })).toEqual([]);
    // A cursor only pages: it cannot reach into another workspace either.
    const beyond = String(Math.max(...globexIds) + 1);
    expect((await listActivity(database().db, acme.workspaceId, { cursor: beyond, limit: 100 })).events.every((e) => !globexIds.has(e.id))).toBe(true);

    // Globex sees its own directory and member by name.
    expect((await readAll(globex.workspaceId, { memberId: globex.memberId }))[0]).toMatchObject({ directoryName: "Okta", memberName: "Alice Smith" });
  });

  it("refuses invalid input", async () => {
    const { db } = database();
    await expect(listActivity(db, acme.workspaceId, { limit: 101 })).rejects.toThrow();
    await expect(listActivity(db, acme.workspaceId, { kind: "nope" as "sync" })).rejects.toThrow();
    await expect(listActivity(db, acme.workspaceId, { directoryId: "not-a-uuid" })).rejects.toThrow();
    await expect(listActivity(db, acme.workspaceId, { from: "2024-13-01" })).rejects.toThrow();
    await expect(listActivity(db, acme.workspaceId, { tz: "Mars/Olympus_Mons" })).rejects.toThrow();
    await expect(listActivity(db, acme.workspaceId, { cursor: "1; drop table" })).rejects.toThrow();
  });
});

describe.runIf(testDatabaseKind === "postgres")("query plans with 50,000 events", () => {
  let bulkWorkspaceId: string;

  beforeAll(async () => {
    const { db } = database();
    const [workspace] = await db.insert(workspaces).values({ slug: "bulk", name: "Bulk", seatLimit: 10 }).returning();
    bulkWorkspaceId = workspace!.id;
    // Mostly successful SCIM reads, as in production: 1 in 100 is a token event, 1 in 250 fails.
    await db.execute(sql`
      insert into activity_events (workspace_id, kind, action, member_id, method, path, status, summary, error, created_at)
      select ${bulkWorkspaceId},
        (case when i % 100 = 0 then 'token' else 'scim_request' end)::activity_kind,
        case when i % 100 = 0 then 'token.created' else 'scim.request' end,
        ('00000000-0000-4000-8000-' || lpad((i % 5000)::text, 12, '0'))::uuid,
        'GET', '/scim/v2/x/Users/' || i,
        case when i % 250 = 0 then 500 else 200 end,
        'Event ' || i,
        case when i % 250 = 0 then 'boom' end,
        now() - make_interval(secs => 50000 - i)
      from generate_series(1, 50000) as i`);
    await db.execute(sql`analyze activity_events`);
  });

  /** The plan of the first page listActivity reads for `input`. */
  async function plan(input: ActivityFilterInput): Promise<string> {
    const query = activityPageQuery(database().db, bulkWorkspaceId, activityFilterInput.parse(input), undefined, 51);
    const rows = await queryRows<{ "QUERY PLAN": string }>(database().db, sql`explain ${query.getSQL()}`);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  }

  it("reads the newest events of a workspace from activity_events_workspace_id_idx", async () => {
    const text = await plan({});
    expect(text).toContain("Index Scan using activity_events_workspace_id_idx on activity_events");
    expect(text).not.toContain("Seq Scan on activity_events");
    expect(text).not.toContain("Sort");
  });

  it("filters by kind through activity_events_workspace_kind_idx", async () => {
    const text = await plan({ kind: "token" });
    expect(text).toContain("Index Scan using activity_events_workspace_kind_idx on activity_events");
    expect(text).not.toContain("Seq Scan on activity_events");
    expect((await listActivity(database().db, bulkWorkspaceId, { kind: "token", limit: 100 })).events).toHaveLength(100);
  });

  it("shows errors only through the partial activity_events_workspace_errors_idx", async () => {
    const text = await plan({ errorsOnly: true });
    expect(text).toContain("Index Scan using activity_events_workspace_errors_idx on activity_events");
    expect(text).not.toContain("Seq Scan on activity_events");
    const errors = await listActivity(database().db, bulkWorkspaceId, { errorsOnly: true, limit: 100 });
    expect(errors.events).toHaveLength(100);
    expect(errors.events.every((e) => e.status === 500)).toBe(true);
  });

  it("filters by member through activity_events_workspace_member_idx", async () => {
    const text = await plan({ memberId: "00000000-0000-4000-8000-000000000042" });
    expect(text).toContain("activity_events_workspace_member_idx");
    expect(text).not.toContain("Seq Scan on activity_events");
  });
});
