import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workspaces, type Workspace } from "@/db/schema";

export async function findWorkspaceBySlug(db: Db, slug: string): Promise<Workspace | undefined> {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
  return workspace;
}
