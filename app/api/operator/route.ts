import { createHash, timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { operatorCommand } from "@/lib/operator/operator-command";
import { OperatorCommandError, runOperatorCommand } from "@/lib/operator/run-operator-command";
import { readServerHandle } from "@/lib/operator/server-handle";

// POST /api/operator – the operator CLI's commands, when this server owns the embedded database.
// The key is in <ROLLCALL_DATA_DIR>/server.json, readable only by the user running the server.
export async function POST(request: Request): Promise<Response> {
  const handle = env().DATABASE_URL ? undefined : readServerHandle();
  if (!handle) return Response.json({ error: "Not found." }, { status: 404 });

  const presented = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(presented), digest(handle.key))) {
    return Response.json({ error: "Wrong or missing operator key." }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }

  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "The body must be a JSON command." }, { status: 400 });
  }
  const command = operatorCommand.safeParse(body);
  if (!command.success) {
    const problems = command.error.issues.map((i) => `${i.path.join(".") || "command"}: ${i.message}`).join("; ");
    return Response.json({ error: `Invalid command: ${problems}` }, { status: 400 });
  }

  try {
    return Response.json(await runOperatorCommand(getDb(), env().appUrl, command.data));
  } catch (error) {
    if (error instanceof OperatorCommandError) return Response.json({ error: error.message }, { status: 422 });
    logger().error({ err: error, command: command.data.command }, "operator command failed");
    return Response.json({ error: "The command failed; the server log says why." }, { status: 500 });
  }
}

/** Equal-length buffers whatever the input, so the comparison leaks nothing about the key. */
function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
