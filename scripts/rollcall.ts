// `npm run rollcall -- <command>`: the operator CLI. Commands run through lib/operator on the
// configured database: DATABASE_URL if set; otherwise the embedded one, through the server that
// owns it when one is running (an embedded data folder belongs to one process), else opened here.
import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { idpTypes } from "@/db/schema";
import { env } from "@/lib/env";
import { operatorCommand, rotationGraceSeconds, type OperatorCommand } from "@/lib/operator/operator-command";
import { OperatorCommandError, runOperatorCommand, type OperatorResult } from "@/lib/operator/run-operator-command";
import { readServerHandle, type ServerHandle } from "@/lib/operator/server-handle";

const usage = `Usage: npm run rollcall -- <command> [options]

  directory create --workspace <slug> --idp <${idpTypes.join("|")}> [--name <name>] [--json]
      Creates an active directory connection and prints its SCIM base URL and token.
  directory list [--workspace <slug>] [--json]
  token rotate --directory <id> [--grace ${rotationGraceSeconds.join("|")}] [--json]
      Issues a new token; the others stop working after --grace seconds (default 0: now).
  token revoke --directory <id> [--prefix <token prefix>] [--json]
      Revokes the token with that prefix, or every valid token of the directory.
`;

/** A mistake in how the CLI was called, or an answer it cannot use: reported as one line. */
class CliError extends Error {}

const options = {
  workspace: { type: "string" },
  idp: { type: "string" },
  name: { type: "string" },
  directory: { type: "string" },
  grace: { type: "string" },
  prefix: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function parse(argv: string[]) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

type Flag = keyof typeof options;
type Values = ReturnType<typeof parse>["values"];

/** Each command's flags, and the command object they make (validated by operatorCommand). */
const commands: Record<string, { flags: Flag[]; build: (v: Values) => Record<string, unknown> }> = {
  "directory create": {
    flags: ["workspace", "idp", "name"],
    build: (v) => ({ command: "directory.create", workspaceSlug: v.workspace, idpType: v.idp, name: v.name }),
  },
  "directory list": {
    flags: ["workspace"],
    build: (v) => ({ command: "directory.list", workspaceSlug: v.workspace }),
  },
  "token rotate": {
    flags: ["directory", "grace"],
    build: (v) => ({ command: "token.rotate", directoryId: v.directory, graceSeconds: v.grace === undefined ? undefined : Number(v.grace) }),
  },
  "token revoke": {
    flags: ["directory", "prefix"],
    build: (v) => ({ command: "token.revoke", directoryId: v.directory, prefix: v.prefix }),
  },
};

const flagOfField: Record<string, string> = {
  workspaceSlug: "--workspace",
  idpType: "--idp",
  name: "--name",
  directoryId: "--directory",
  graceSeconds: "--grace",
  prefix: "--prefix",
};

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const name = positionals.join(" ");
  const spec = commands[name];
  if (!spec) throw new CliError(`${name ? `unknown command "${name}"` : "no command given"}\n\n${usage}`);
  const stray = (Object.keys(values) as Flag[]).filter((f) => f !== "json" && f !== "help" && !spec.flags.includes(f));
  if (stray.length > 0) throw new CliError(`"${name}" takes no ${stray.map((f) => `--${f}`).join(", ")}\n\n${usage}`);

  const command = operatorCommand.safeParse(spec.build(values));
  if (!command.success) {
    throw new CliError(command.error.issues.map((i) => `${flagOfField[String(i.path[0])] ?? "command"} ${i.message}`).join("\n"));
  }

  loadEnvConfig(process.cwd(), false, { info: () => {}, error: (...args: unknown[]) => console.error(...args) });
  const result = await execute(command.data);
  process.stdout.write(values.json ? `${JSON.stringify(withoutCommandName(result))}\n` : describe(result));
  return 0;
}

async function execute(command: OperatorCommand): Promise<OperatorResult> {
  const e = env();
  if (e.DATABASE_URL) return runHere(openDatabase({ url: e.DATABASE_URL }, { max: 2 }), e.appUrl, command);
  const handle = readServerHandle();
  if (handle) {
    const answer = await sendToServer(handle, command);
    if (answer) return answer;
  }
  return runHere(openDatabase({ pgliteDir: e.pgliteDir }), e.appUrl, command);
}

/** Migrations are the server's job; applying them here too lets the CLI work on a fresh database. */
async function runHere(database: Database, appUrl: string, command: OperatorCommand): Promise<OperatorResult> {
  try {
    await migrateDatabase(database);
    return await runOperatorCommand(database.db, appUrl, command);
  } catch (error) {
    if (error instanceof OperatorCommandError) throw new CliError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

/**
 * Sends the command to the server that owns the embedded database. Undefined when that server
 * exited meanwhile (then the database is free to open here). A server that is shutting down or
 * still binding its port refuses connections for a moment: retry while its process lives.
 */
async function sendToServer(handle: ServerHandle, command: OperatorCommand): Promise<OperatorResult | undefined> {
  const until = Date.now() + 15_000;
  for (;;) {
    let response: Response;
    try {
      response = await fetch(`${handle.url}/api/operator`, {
        method: "POST",
        headers: { authorization: `Bearer ${handle.key}`, "content-type": "application/json" },
        body: JSON.stringify(command),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      if (!readServerHandle()) return undefined;
      if (Date.now() > until) {
        throw new CliError(
          `the Rollcall server (pid ${handle.pid}) owns the embedded database but does not answer at ${handle.url}: ${rootMessage(error)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body as OperatorResult;
    const message = typeof body === "object" && body !== null && "error" in body && typeof body.error === "string" ? body.error : undefined;
    if (response.status === 404) throw new CliError(`the server at ${handle.url} does not accept operator commands (answered 404)`);
    throw new CliError(message ?? `the server at ${handle.url} answered ${response.status}`);
  }
}

function withoutCommandName(result: OperatorResult): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result).filter(([key]) => key !== "command"));
}

const shownOnce = "This token is shown only this once: copy it into your identity provider now.";

function describe(result: OperatorResult): string {
  switch (result.command) {
    case "directory.create":
      return lines(
        `Created directory "${result.name}" (${result.idpType}, ${result.state}) in workspace ${result.workspaceSlug}.`,
        "",
        `  Directory:      ${result.directoryId}`,
        `  SCIM base URL:  ${result.scimBaseUrl}`,
        `  Token:          ${result.token}`,
        "",
        shownOnce,
      );
    case "directory.list":
      return result.directories.length === 0
        ? "No directories.\n"
        : table(
            ["ID", "WORKSPACE", "NAME", "IDP", "STATE", "VALID TOKENS", "LAST REQUEST"],
            result.directories.map((d) => [
              d.id,
              d.workspaceSlug,
              d.name,
              d.idpType,
              d.state,
              d.tokens
                .filter((t) => t.status === "active" || t.status === "grace")
                .map((t) => {
                  const end = t.status === "grace" ? t.revokedAt : t.expiresAt;
                  return end ? `${t.prefix} (until ${end})` : t.prefix;
                })
                .join(", ") || "none",
              d.lastRequestAt ? `${d.lastRequestAt} ${d.lastRequestStatus ?? ""}`.trim() : "never",
            ]),
          );
    case "token.rotate":
      return lines(
        `Issued a new token for directory ${result.directoryId}.`,
        "",
        `  SCIM base URL:  ${result.scimBaseUrl}`,
        `  Token:          ${result.token}`,
        "",
        shownOnce,
        ...result.retired.map((t) =>
          result.graceSeconds === 0 ? `Revoked the previous token ${t.prefix}.` : `The previous token ${t.prefix} keeps working until ${t.revokedAt}.`,
        ),
      );
    case "token.revoke":
      return result.revoked.length === 0
        ? "No valid token matched: nothing to revoke.\n"
        : lines(...result.revoked.map((t) => `Revoked token ${t.prefix}.`));
  }
}

function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join("");
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n") + "\n";
}

function rootMessage(error: unknown): string {
  let root = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  return root instanceof Error ? root.message : String(root);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`rollcall: ${error instanceof CliError ? error.message : rootMessage(error)}\n`);
    process.exitCode = 1;
  },
);
