import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { activityEvents, members, workspaces } from "@/db/schema";
import { setUpTestDatabase } from "@/test/database";
import { freshScimDirectory, patchOp, type ScimClient } from "@/test/scim";

const database = setUpTestDatabase();
const enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

let client: ScimClient;
let workspaceId: string;

beforeEach(async () => {
  ({ workspaceId, client } = await freshScimDirectory(database().db, "okta"));
});

const alice = (overrides: Record<string, unknown> = {}) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  userName: "alice@acme.test",
  name: { givenName: "Alice", familyName: "Smith" },
  emails: [{ primary: true, value: "alice@acme.test", type: "work" }],
  displayName: "Alice Smith",
  active: true,
  ...overrides,
});

describe("Users", () => {
  it("creates a user, returns it in full with an ETag, and finds it by userName ignoring case", async () => {
    const created = await client.post("/Users", { ...alice(), password: "s3cret-Passw0rd", groups: [] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userName: "alice@acme.test", active: true, name: { givenName: "Alice", familyName: "Smith" } });
    expect(created.body).not.toHaveProperty("password");
    expect(created.headers.get("etag")).toBe('W/"1"');
    expect(created.headers.get("content-type")).toContain("application/scim+json");

    const found = await client.get(`/Users?filter=${encodeURIComponent('userName eq "ALICE@acme.test"')}&startIndex=1&count=100`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: 1 });
    expect(found.body.Resources?.[0]?.id).toBe(created.body.id);
  });

  it("refuses a second user with the same userName (409 uniqueness) and keeps the first", async () => {
    await client.post("/Users", alice());
    const duplicate = await client.post("/Users", alice({ userName: "Alice@Acme.test" }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "409", scimType: "uniqueness" });
    const list = await client.get("/Users");
    expect(list.body.totalResults).toBe(1);
  });

  it("applies Entra's PATCH shapes: capitalised ops, value-filter paths, enterprise paths, \"False\" strings", async () => {
    const { body: user } = await client.post("/Users", alice());
    const patched = await client.patch(
      `/Users/${user.id}`,
      patchOp(
        { op: "Replace", path: 'emails[type eq "work"].value', value: "alice.smith@acme.test" },
        { op: "Replace", path: "name.familyName", value: "Jones" },
        { op: "Replace", path: `${enterprise}:employeeNumber`, value: "701984" },
        { op: "Add", path: "nickName", value: "Al" },
        { op: "Replace", path: "active", value: "False" },
      ),
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      active: false,
      nickName: "Al",
      name: { familyName: "Jones" },
      emails: [{ value: "alice.smith@acme.test", type: "work", primary: true }],
      [enterprise]: { employeeNumber: "701984" },
    });
    const { db } = database();
    const [row] = await db.select().from(members).where(eq(members.id, String(user.id)));
    expect(row).toMatchObject({ status: "suspended", email: "alice.smith@acme.test", familyName: "Jones", version: 2 });
  });

  it("suspends with Okta's no-path replace and frees the seat, then reactivates", async () => {
    const { db } = database();
    const seats = async () => (await db.select({ used: workspaces.seatsUsed }).from(workspaces).where(eq(workspaces.id, workspaceId)))[0]!.used;
    const before = await seats();
    const { body: user } = await client.post("/Users", alice());
    expect(await seats()).toBe(before + 1);
    const off = await client.patch(`/Users/${user.id}`, patchOp({ op: "replace", value: { active: false } }));
    expect(off.body.active).toBe(false);
    expect(await seats()).toBe(before);
    const on = await client.patch(`/Users/${user.id}`, patchOp({ op: "replace", value: { active: true } }));
    expect(on.body.active).toBe(true);
    expect(await seats()).toBe(before + 1);
  });

  it("DELETE hides the user (404) and suspends the member; a later POST of the same userName relinks the same member", async () => {
    const { body: user } = await client.post("/Users", alice());
    expect((await client.delete(`/Users/${user.id}`)).status).toBe(204);
    expect((await client.get(`/Users/${user.id}`)).status).toBe(404);
    const { db } = database();
    const [removed] = await db.select().from(members).where(eq(members.id, String(user.id)));
    expect(removed).toMatchObject({ status: "suspended" });
    expect(removed!.purgeAfter).not.toBeNull();

    const again = await client.post("/Users", alice());
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(user.id);
    expect(again.body.active).toBe(true);
  });

  it("records every request as an activity event, failures with their error, never the password", async () => {
    await client.post("/Users", { ...alice(), password: "very-secret-value" });
    await client.get("/Users/not-a-uuid");
    const { db } = database();
    const events = await db.select().from(activityEvents).where(eq(activityEvents.kind, "scim_request"));
    expect(events.map((e) => [e.method, e.status])).toEqual(expect.arrayContaining([["POST", 201], ["GET", 404]]));
    expect(events.find((e) => e.status === 404)?.error).toContain("No user with id");
    expect(JSON.stringify(events)).not.toContain("very-secret-value");
  });
});
