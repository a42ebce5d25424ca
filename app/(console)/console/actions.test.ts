import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { activityEvents, members, users, workspaces } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { setMemberRoleAction } from "./actions";

const session = vi.hoisted(() => ({ userId: undefined as string | undefined }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const database = setUpTestDatabase();
let acme: SeededAcme;

const memberByEmail = async (email: string) => (await database().db.select().from(members).where(eq(members.email, email)))[0]!;

beforeAll(async () => {
  acme = await seedAcme(database().db);
});

beforeEach(() => {
  session.userId = acme.ownerUserId;
});

describe("setMemberRoleAction", () => {
  it("changes a member's role and logs who did it", async () => {
    const tom = await memberByEmail("tom.becker@acme.test");
    expect(await setMemberRoleAction({ memberId: tom.id, role: "member" })).toEqual({ ok: true, data: { changed: true } });
    expect((await memberByEmail("tom.becker@acme.test")).role).toBe("member");

    const [event] = await database().db.select().from(activityEvents).where(and(eq(activityEvents.memberId, tom.id), eq(activityEvents.action, "member.updated")));
    expect(event).toMatchObject({ actorUserId: acme.ownerUserId, summary: "Changed Tom Becker’s role from viewer to member", changes: { role: { from: "viewer", to: "member" } } });
    expect(await setMemberRoleAction({ memberId: tom.id, role: "member" })).toEqual({ ok: true, data: { changed: false } });
  });

  it("refuses to change the owner, to hand out ownership, or to override a role the directory manages", async () => {
    expect(await setMemberRoleAction({ memberId: acme.ownerMemberId, role: "member" })).toEqual({ ok: false, error: "The workspace owner’s role cannot be changed." });
    const priya = await memberByEmail("priya.shah@acme.test");
    expect(await setMemberRoleAction({ memberId: priya.id, role: "owner" as "admin" })).toEqual({ ok: false, error: "Pick Admin, Member or Viewer." });

    await database().db.update(members).set({ role: "admin", roleManagedByDirectory: true }).where(eq(members.id, priya.id));
    const refused = await setMemberRoleAction({ memberId: priya.id, role: "viewer" });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining("comes from the directory’s group mappings") });
    expect((await memberByEmail("priya.shah@acme.test")).role).toBe("admin");
  });

  it("reaches no member of another workspace, and lets no member who is not an admin change roles", async () => {
    const db = database().db;
    const [globex] = await db.insert(workspaces).values({ slug: "globex-roles", name: "Globex", seatLimit: 5 }).returning();
    const [stranger] = await db.insert(members).values({ workspaceId: globex!.id, userName: "gus@globex.test", email: "gus@globex.test" }).returning();
    expect(await setMemberRoleAction({ memberId: stranger!.id, role: "admin" })).toEqual({ ok: false, error: "That member is not in this workspace any more." });
    expect((await db.select().from(members).where(eq(members.id, stranger!.id)))[0]!.role).toBe("member");

    const [marcusUser] = await db.insert(users).values({ email: "marcus.chen@acme.test" }).returning();
    const marcus = await memberByEmail("marcus.chen@acme.test");
    await db.update(members).set({ userId: marcusUser!.id, role: "member" }).where(eq(members.id, marcus.id));
    session.userId = marcusUser!.id;
    expect(await setMemberRoleAction({ memberId: marcus.id, role: "admin" })).toEqual({ ok: false, error: "Only workspace owners and admins can do this." });
    expect((await memberByEmail("marcus.chen@acme.test")).role).toBe("member");
  });
});
