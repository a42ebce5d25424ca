import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { handleScimRequest } from "./handle-scim-request";

/** The params Next's `/scim/v2/[directoryId]/[[...path]]` route hands to `handleScimRequest`. */
export type ScimParams = { directoryId: string; path?: string[] };

const prefix = "/scim/v2/";
const methods = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
const bodyMethods = new Set(["POST", "PUT", "PATCH"]);

/**
 * The route params of a SCIM request, split and decoded as Next's router does, or undefined for
 * anything Next itself should answer: other paths and methods (HEAD, OPTIONS), a trailing slash it
 * redirects, empty or dot segments, malformed percent-encoding.
 */
export function matchScimRequest(method: string | undefined, url: string | undefined): ScimParams | undefined {
  if (!method || !methods.has(method) || !url?.startsWith(prefix)) return undefined;
  const query = url.indexOf("?");
  const segments = url.slice(prefix.length, query === -1 ? undefined : query).split("/");
  if (segments.some((segment) => segment === "" || segment === "." || segment === "..")) return undefined;
  try {
    const [directoryId, ...path] = segments.map(decodeURIComponent);
    return { directoryId: directoryId!, path: path.length > 0 ? path : undefined };
  } catch {
    return undefined;
  }
}

/**
 * Serves a SCIM request straight from Node's HTTP server, through the same handler as the Next
 * route. IdP traffic is most of a busy server's requests, and Next's router costs more CPU per
 * request than the SCIM work itself (README, "Speed"); the console still goes through Next.
 */
export async function serveScimFromNode(req: IncomingMessage, res: ServerResponse, params: ScimParams): Promise<void> {
  const response = await handleScimRequest(webRequest(req), params);
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  // One write with a length, instead of flushed headers and a chunked body.
  if (body) headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

function webRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method!;
  // Node's fetch needs `duplex` for a streamed body; TypeScript's RequestInit does not know it yet.
  const init: RequestInit & { duplex: "half" } = {
    method,
    headers,
    body: bodyMethods.has(method) ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  };
  // Only the path and query are read from the URL (the SCIM base URL comes from APP_URL).
  return new Request(new URL(req.url!, "http://localhost"), init);
}

const key = Symbol.for("rollcall.scim.serveFromNode");

export type ScimNodeHandler = { match: typeof matchScimRequest; serve: typeof serveScimFromNode };

/**
 * Hands the SCIM handler to the production server (scripts/serve.mjs), which cannot import this
 * TypeScript itself. Called once start-up (migrations, seed) is done; until then Next answers
 * SCIM requests too, through the route.
 */
export function exposeScimToNodeServer(): void {
  (globalThis as Record<symbol, ScimNodeHandler>)[key] = { match: matchScimRequest, serve: serveScimFromNode };
}
