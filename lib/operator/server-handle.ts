import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";

/**
 * How another process reaches the server that owns an embedded data folder: an embedded database
 * belongs to one process, so the operator CLI sends its commands to that server instead.
 */
export type ServerHandle = { pid: number; url: string; key: string };

const serverHandle = z.object({ pid: z.number().int().positive(), url: z.url(), key: z.string().min(32) });

function handleFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), "server.json");
}

/**
 * Writes `<dataDir>/server.json` (mode 0600) with a fresh key, and removes it when the process
 * exits. Call it once, from the server's start-up.
 */
export function writeServerHandle({ url, dataDir = env().ROLLCALL_DATA_DIR }: { url: string; dataDir?: string }): ServerHandle {
  const handle: ServerHandle = { pid: process.pid, url, key: randomBytes(32).toString("base64url") };
  const file = handleFile(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  // A fresh file and a rename: the mode applies only on creation, and readers never see half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, JSON.stringify(handle), { mode: 0o600, flag: "wx" });
  renameSync(temporary, file);
  process.once("exit", () => {
    try {
      if (readHandleFile(file)?.key === handle.key) rmSync(file, { force: true });
    } catch {
      // Exiting anyway; a stale handle is recognised by its dead pid.
    }
  });
  return handle;
}

/** The handle of the live server on this data folder; undefined when there is none or its process is gone. */
export function readServerHandle(dataDir: string = env().ROLLCALL_DATA_DIR): ServerHandle | undefined {
  const handle = readHandleFile(handleFile(dataDir));
  return handle && isAlive(handle.pid) ? handle : undefined;
}

function readHandleFile(file: string): ServerHandle | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    // Anything but "no such file" (e.g. another user's handle) must not pass for "no server".
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const parsed = serverHandle.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
