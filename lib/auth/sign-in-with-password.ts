import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, users } from "@/db/schema";
import { createSession, findConsoleAccess, linkMembersToUser } from "./console-access";
import { hashPassword, verifyPassword } from "./password";

export type PasswordSignIn =
  | { ok: true; sessionToken: string; expires: Date }
  | { ok: false; reason: "invalid" | "suspended" };

// Verified against when the email is unknown, so both cases take the same time.
const dummyHash = hashPassword("rollcall-timing-equaliser");

export async function signInWithPassword(db: Db, email: string, password: string): Promise<PasswordSignIn> {
  const [user] = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user?.passwordHash || !valid) return { ok: false, reason: "invalid" };

  await linkMembersToUser(db, user);
  if (!(await findConsoleAccess(db, user.id))) {
    const [anyMember] = await db.select({ id: members.id }).from(members).where(eq(members.userId, user.id)).limit(1);
    return { ok: false, reason: anyMember ? "suspended" : "invalid" };
  }
  return { ok: true, ...(await createSession(db, user.id)) };
}
