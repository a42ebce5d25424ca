import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// npm runs scripts from the package root, and tsx runs this file as CommonJS (no import.meta).
const root = process.cwd();
const serveScript = path.join(root, "scripts", "serve.mjs");

/** Builds when the build is missing or stale, via scripts/ensure-build.mjs (which exits on failure). */
export function ensureProductionBuild(): void {
  const script = `import { ensureBuild } from ${JSON.stringify(path.join(root, "scripts", "ensure-build.mjs"))}; ensureBuild();`;
  const build = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error(`The production build failed (exit ${build.status ?? build.signal})`);
}

/** `preferred` if nothing listens there, else any free port. */
export async function freePort(preferred: number): Promise<number> {
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once("error", reject);
      probe.listen(port, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  return listen(preferred).catch(() => listen(0));
}

export type BenchServer = {
  baseUrl: string;
  pid: number;
  logFile: string;
  /** Resolves when the server process has exited and its output is read. */
  exited: Promise<void>;
  hasExited: () => boolean;
  /** The last lines the server wrote, to show when something went wrong. */
  logTail: (lines?: number) => string;
  stop: () => Promise<void>;
};

export function startServer(options: { port: number; databaseUrl: string }): BenchServer {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const logFile = path.join(tmpdir(), `rollcall-bench-server-${process.pid}.log`);
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, [serveScript], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      APP_URL: baseUrl,
      SCIM_RATE_LIMIT: "100000",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The tail is also kept in memory: a server that dies at once has not flushed its log file yet.
  let tail = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      log.write(chunk);
      tail = (tail + chunk.toString("utf8")).slice(-20_000);
    });
  }
  if (child.pid === undefined) throw new Error("Could not start scripts/serve.mjs");
  const pid = child.pid;
  // "close" comes after the output streams ended, so the tail is complete once it resolves.
  let closed = false;
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  void exited.then(() => (closed = true));

  return {
    baseUrl,
    pid,
    logFile,
    exited,
    hasExited: () => closed,
    logTail: (lines = 20) => tail.trimEnd().split("\n").slice(-lines).join("\n"),
    stop: async () => {
      if (!closed) {
        child.kill("SIGTERM");
        await Promise.race([exited, sleep(10_000)]);
        if (!closed) child.kill("SIGKILL");
        await exited;
      }
      log.end();
    },
  };
}

/** Resolves once /api/health answers 200; rejects if the server exits or takes longer than `timeoutMs`. */
export async function waitForHealth(server: BenchServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.hasExited()) throw new Error(`The server exited during start-up:\n${server.logTail()}`);
    const ok = await fetch(`${server.baseUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000} s:\n${server.logTail()}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
