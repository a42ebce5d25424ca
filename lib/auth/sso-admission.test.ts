import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { members, workspaces } from "@/db/schema";
import { disableDirectory } from "@/lib/directories/set-directory-state";
import { seedAcme } from "@/test/acme";
import { resetDatabase, setUpTestDatabase } from "@/test/database";
import { createScimDirectory, patchOp, type ScimClient } from "@/test/scim";
import { admitSsoSignIn } from "./sso-admission";

const database = setUpTestDatabase();

let workspaceId: string;

beforeEach(async () => {
  await resetDatabase(database().db);
  ({ workspaceId } = await seedAcme(database().db));
});

const scimUser = (email: string, active = true) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  userName: email,
  emails: [{ primary: true, value: email, type: "work" }],
  active,
});

async function provision(client: ScimClient, email: string, active = true): Promise<string> {
  const created = await client.post("/Users", scimUser(email, active));
  expect(created.status).toBe(201);
  return String(created.body.id);
}

const admit = (email: string) => admitSsoSignIn(database().db, email);

describe("SSO admission while a directory is active", () => {
  let client: ScimClient;
  let directoryId: string;
  beforeEach(async () => {
    ({ client, directoryId } = await createScimDirectory(database().db, workspaceId, "okta"));
  });

  it("admits an active member the directory provisioned, whatever the case of the email", async () => {
    await provision(client, "alice@acme.test");

    expect(await admit("alice@acme.test")).toEqual({ admitted: true });
    expect(await admit("Alice@ACME.test")).toEqual({ admitted: true });
  });

  it("refuses a member the directory suspended, and one it removed, as suspended", async () => {
    const alice = await provision(client, "alice@acme.test");
    const bob = await provision(client, "bob@acme.test");

    expect((await client.patch(`/Users/${alice}`, patchOp({ op: "replace", path: "active", value: false }))).status).toBe(200);
    expect((await client.delete(`/Users/${bob}`)).status).toBe(204);

    expect(await admit("alice@acme.test")).toEqual({ admitted: false, reason: "suspended" });
    expect(await admit("bob@acme.test")).toEqual({ admitted: false, reason: "suspended" });
  });

  it("admits a removed member again once the directory re-provisions them", async () => {
    const alice = await provision(client, "alice@acme.test");
    await client.delete(`/Users/${alice}`);

    await provision(client, "alice@acme.test");

    expect(await admit("alice@acme.test")).toEqual({ admitted: true });
  });

  it("refuses an active member added by hand, and an unknown person of the workspace's domain, as not provisioned", async () => {
    expect(await admit("marcus.chen@acme.test")).toEqual({ admitted: false, reason: "not_provisioned" });
    expect(await admit("stranger@acme.test")).toEqual({ admitted: false, reason: "not_provisioned" });
  });

  it("refuses someone unknown from a domain no directory provisions as before", async () => {
    expect(await admit("stranger@elsewhere.test")).toEqual({ admitted: false, reason: "no_membership" });
  });

  it("refuses a member whose directory was disabled while another directory of the workspace is active", async () => {
    await provision(client, "alice@acme.test");
    await disableDirectory(database().db, { directoryId, workspaceId });
    await createScimDirectory(database().db, workspaceId, "generic");

    expect(await admit("alice@acme.test")).toEqual({ admitted: false, reason: "not_provisioned" });
  });

  it("holds a person to the directory even when another workspace, without one, has them as an active member", async () => {
    const db = database().db;
    const [globex] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 10 }).returning();
    await db.insert(members).values({ workspaceId: globex!.id, userName: "marcus.chen@acme.test", email: "marcus.chen@acme.test" });

    expect(await admit("marcus.chen@acme.test")).toEqual({ admitted: false, reason: "not_provisioned" });
  });

  it("never creates a member", async () => {
    const db = database().db;
    const before = await db.select({ n: count() }).from(members);

    await admit("stranger@acme.test");
    await admit("marcus.chen@acme.test");

    expect(await db.select({ n: count() }).from(members)).toEqual(before);
  });
});

describe("SSO admission without an active directory, as before directories", () => {
  it("admits any active member and refuses suspended members and strangers", async () => {
    expect(await admit("marcus.chen@acme.test")).toEqual({ admitted: true });
    expect(await admit("lena.novak@acme.test")).toEqual({ admitted: false, reason: "no_membership" });
    expect(await admit("stranger@acme.test")).toEqual({ admitted: false, reason: "no_membership" });
  });

  it("goes back to that once the directory is disabled", async () => {
    const db = database().db;
    const { client, directoryId } = await createScimDirectory(db, workspaceId, "okta");
    await provision(client, "alice@acme.test");
    const bob = await provision(client, "bob@acme.test");
    await client.patch(`/Users/${bob}`, patchOp({ op: "replace", path: "active", value: false }));

    await disableDirectory(db, { directoryId, workspaceId });

    expect(await admit("marcus.chen@acme.test")).toEqual({ admitted: true });
    expect(await admit("alice@acme.test")).toEqual({ admitted: true });
    expect(await admit("bob@acme.test")).toEqual({ admitted: false, reason: "no_membership" });
    expect(await admit("stranger@acme.test")).toEqual({ admitted: false, reason: "no_membership" });
    const [marcus] = await db.select({ status: members.status }).from(members).where(eq(members.email, "marcus.chen@acme.test"));
    expect(marcus?.status).toBe("active");
  });
});
