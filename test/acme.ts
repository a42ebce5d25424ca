import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, users, workspaces } from "@/db/schema";
import { seedDemoWorkspace } from "@/lib/setup/seed-demo-workspace";

export const ownerEmail = "owner@acme.test";

export type SeededAcme = { workspaceId: string; ownerUserId: string; ownerMemberId: string; ownerPassword: string };

/** The demo workspace as a first start creates it, with the owner's printed password. */
export async function seedAcme(db: Db): Promise<SeededAcme> {
  const seed = await seedDemoWorkspace(db, { ownerEmail });
  if (!seed.generatedPassword) throw new Error("seedAcme expects an empty database");
  const [owner] = await db
    .select({ workspaceId: workspaces.id, ownerUserId: users.id, ownerMemberId: members.id })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(eq(users.email, ownerEmail));
  if (!owner) throw new Error("seedDemoWorkspace created no owner member");
  return { ...owner, ownerPassword: seed.generatedPassword };
}
