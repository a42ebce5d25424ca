import { z } from "zod";
import { currentAccess } from "@/lib/auth/current-access";
import { isAdmin, type ConsoleAccess } from "@/lib/auth/console-access";
import { logger } from "@/lib/log";

/** What every console server action answers: data, or a message to show where the action was taken. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

/** A failure whose message is meant for the person who acted (validation, a rule of the product). */
export class ActionError extends Error {}

/**
 * Wraps a server action for the console: the input is parsed with `schema`, the caller must be a
 * signed-in owner or admin (checked on the server, on every call), and any failure becomes a
 * message instead of an exception. Unexpected errors are logged and answered generically.
 */
export function adminAction<Schema extends z.ZodType, T>(
  schema: Schema,
  run: (input: z.output<Schema>, access: ConsoleAccess) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return async (input) => {
    const current = await currentAccess();
    if (!current.signedIn || !current.access) return { ok: false, error: "Your session has ended. Sign in again to continue." };
    if (!isAdmin(current.access)) return { ok: false, error: "Only workspace owners and admins can do this." };
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "The request was not valid." };
    try {
      return { ok: true, data: await run(parsed.data, current.access) };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, error: error.message };
      logger().error({ err: error }, "Console action failed");
      return { ok: false, error: "Something went wrong on our side and nothing was changed. Try again." };
    }
  };
}
