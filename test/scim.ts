import { getDb, type Db } from "@/db/client";
import { workspaces, type IdpType } from "@/db/schema";
import { flushActivity } from "@/lib/activity/activity-buffer";
import { createDirectory } from "@/lib/directories/create-directory";
import { handleScimRequest } from "@/lib/scim/http/handle-scim-request";
import { matchScimRequest } from "@/lib/scim/http/serve-scim-from-node";
import { seedAcme } from "./acme";
import { resetDatabase } from "./database";

export type ScimReply = { status: number; body: Record<string, unknown> & { Resources?: Array<Record<string, unknown>> }; headers: Headers };

/** In-process `fetch` that hands /scim/v2/… requests to the SCIM handler, as the server does. */
export const scimFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const params = matchScimRequest(request.method, url.pathname + url.search);
  if (!params) return new Response("not a SCIM request this server answers", { status: 404 });
  const response = await handleScimRequest(request, params);
  // Reads are logged through a short queue; tests look at the log right after a request.
  await flushActivity(getDb());
  return response;
};

export type ScimClient = ReturnType<typeof scimClient>;

/** A SCIM client for one directory, with its token, talking to the handler in-process. */
export function scimClient(directoryId: string, token: string, defaults: Record<string, string> = {}) {
  const baseUrl = `http://localhost:3000/scim/v2/${directoryId}`;
  async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ScimReply> {
    const response = await scimFetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json", ...defaults, ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as ScimReply["body"]) : {}, headers: response.headers };
  }
  return {
    baseUrl,
    request,
    get: (path: string, headers?: Record<string, string>) => request("GET", path, undefined, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>) => request("POST", path, body, headers),
    put: (path: string, body: unknown, headers?: Record<string, string>) => request("PUT", path, body, headers),
    patch: (path: string, body: unknown, headers?: Record<string, string>) => request("PATCH", path, body, headers),
    delete: (path: string, headers?: Record<string, string>) => request("DELETE", path, undefined, headers),
  };
}

/** An active directory in the workspace, and a client holding its token. */
export async function createScimDirectory(db: Db, workspaceId: string, idpType: IdpType = "generic") {
  const { directory, token } = await createDirectory(db, { workspaceId, idpType });
  return { directoryId: directory.id, token, client: scimClient(directory.id, token) };
}

export const patchOp = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });

/** For a `beforeEach`: a freshly migrated database with Acme and one active directory of `idp`. */
export async function freshScimDirectory(db: Db, idp: IdpType) {
  await resetDatabase(db);
  const { workspaceId } = await seedAcme(db);
  return { workspaceId, ...(await createScimDirectory(db, workspaceId, idp)) };
}

/** Acme with an active Okta directory, and a second workspace (Globex) with a directory of its own: for "another workspace's directory is out of reach" tests. */
export async function acmeAndGlobexDirectories(db: Db) {
  const acme = await seedAcme(db);
  const okta = await createScimDirectory(db, acme.workspaceId, "okta");
  const [globex] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 5 }).returning({ id: workspaces.id });
  const other = await createScimDirectory(db, globex!.id);
  return { acme, directoryId: okta.directoryId, client: okta.client, globexDirectoryId: other.directoryId, globexClient: other.client };
}
