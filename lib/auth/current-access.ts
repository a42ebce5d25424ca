import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "./auth";
import { findConsoleAccess, isAdmin, type ConsoleAccess } from "./console-access";

export type CurrentAccess = { signedIn: false } | { signedIn: true; userId: string; access: ConsoleAccess | null };

/**
 * The signed-in identity of this request and what it may reach, checked against the database on
 * every request — once per request: the console layout and its page both ask.
 */
export const currentAccess = cache(async (): Promise<CurrentAccess> => {
  const userId = (await auth())?.user?.id;
  if (!userId) return { signedIn: false };
  return { signedIn: true, userId, access: await findConsoleAccess(getDb(), userId) };
});

/** For console pages: signed-out people go to the login page, non-admins get a 403 page. */
export async function requireAdminPage(): Promise<ConsoleAccess> {
  const current = await currentAccess();
  if (!current.signedIn) redirect("/login");
  if (!current.access) redirect("/login?error=NoAccess");
  if (!isAdmin(current.access)) forbidden();
  return current.access;
}

/** For console route handlers: the same check, answered as 401/403 JSON. */
export function withAdmin<Context>(
  handler: (request: Request, context: Context, access: ConsoleAccess) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const current = await currentAccess();
    if (!current.signedIn || !current.access) return Response.json({ error: "Sign in to continue." }, { status: 401 });
    if (!isAdmin(current.access)) return Response.json({ error: "Only workspace owners and admins can do this." }, { status: 403 });
    return handler(request, context, current.access);
  };
}
