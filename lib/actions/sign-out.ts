"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/auth";
import { revokeUserSessions } from "@/lib/auth/console-access";
import { currentAccess } from "@/lib/auth/current-access";
import { sessionCookie } from "@/lib/auth/session-cookie";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

/** Ends every session of the signed-in identity, on every device, including this one. */
export async function signOutEverywhereAction(): Promise<void> {
  const current = await currentAccess();
  if (current.signedIn) await revokeUserSessions(getDb(), current.userId);
  (await cookies()).delete(sessionCookie().name);
  redirect("/login");
}
