import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { retryTransientConflicts } from "@/db/pg-error";
import { directoryConnections } from "@/db/schema";
import { recordActivityLater } from "@/lib/activity/activity-buffer";
import { recordActivity } from "@/lib/activity/record-activity";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { ScimError } from "../errors";
import { isUuid } from "../is-uuid";
import { mapDbError } from "../map-db-error";
import { authenticateScimRequest } from "./authenticate-scim-request";
import { noteDirectoryRequest } from "./note-directory-request";
import { rateLimitDirectory } from "./rate-limit-directory";
import { scimErrorResponse } from "./scim-response";
import type { ScimActivity, ScimResult } from "./scim-result";
import type { ScimContext } from "./scim-context";
import { routeScimRequest, type ScimRoute } from "./route-scim-request";

/**
 * The one entry point of the SCIM API: authenticate, rate-limit, run the operation (writes in a
 * transaction together with their activity event), and turn every failure into a SCIM error.
 */
export async function handleScimRequest(request: Request, params: { directoryId: string; path?: string[] }): Promise<Response> {
  const started = performance.now();
  const baseUrl = `${env().appUrl}/scim/v2/${params.directoryId}`;
  const db = getDb();
  let context: ScimContext | undefined;
  let route: ScimRoute | undefined;
  try {
    route = routeScimRequest(request, params.path ?? [], baseUrl);
    if (route.kind === "public" && !request.headers.has("authorization")) return route.respond();
    context = await authenticateScimRequest(db, request, params.directoryId, baseUrl);
    await rateLimitDirectory(db, context.directory.id);
    const result = await run(db, context, route, request, started);
    await noteDirectoryRequest(db, context.directory.id, context.tokenId, request.headers.get("user-agent"), result.status);
    return result;
  } catch (thrown) {
    const error = asScimError(thrown);
    await recordFailure(db, request, params.directoryId, context, error, started, route);
    return scimErrorResponse(error);
  }
}

async function run(db: Db, context: ScimContext, route: ScimRoute, request: Request, started: number): Promise<Response> {
  if (route.kind === "public") {
    const response = route.respond();
    recordActivityLater(db, activityEvent(request, ownerOf(context), { action: "scim.request", summary: "Read the service's discovery documents" }, response.status, started));
    return response;
  }
  if (route.kind === "read") {
    const { response, activity } = await route.run(db, context);
    recordActivityLater(db, activityEvent(request, ownerOf(context), activity, response.status, started));
    return response;
  }
  const body = route.readBody ? await route.readBody() : undefined;
  // Two requests on the same users and groups can deadlock; PostgreSQL undid one, so redo it.
  return retryTransientConflicts(() =>
    db.transaction(async (tx) => {
      const { response, activity }: ScimResult = await route.run(tx, context, body);
      await recordActivity(tx, activityEvent(request, ownerOf(context), activity, response.status, started));
      return response;
    }),
  );
}

type Owner = { workspaceId: string; directoryId: string };

const ownerOf = (context: ScimContext): Owner => ({ workspaceId: context.workspace.id, directoryId: context.directory.id });

function activityEvent(request: Request, owner: Owner, activity: ScimActivity, status: number, started: number) {
  const url = new URL(request.url);
  return {
    ...activity,
    ...owner,
    kind: "scim_request" as const,
    method: request.method,
    path: (url.pathname + url.search).slice(0, 2000),
    status,
    latencyMs: Math.round(performance.now() - started),
    userAgent: request.headers.get("user-agent")?.slice(0, 500) ?? null,
  };
}

function asScimError(thrown: unknown): ScimError {
  const mapped = mapDbError(thrown);
  if (mapped instanceof ScimError) return mapped;
  logger().error({ err: mapped }, "SCIM request failed");
  return new ScimError(500, "Rollcall could not complete the request; nothing was changed. Retry later; if it keeps failing, the activity log has details.");
}

/** Failed requests are logged too (outside the rolled-back transaction), so admins see the IdP's errors. */
async function recordFailure(db: Db, request: Request, directoryId: string, context: ScimContext | undefined, error: ScimError, started: number, route: ScimRoute | undefined) {
  try {
    const owner = context ? ownerOf(context) : await directoryOf(db, directoryId);
    if (!owner) return;
    const activity: ScimActivity = { action: "scim.request", resourceType: route?.resourceType, summary: `${request.method} failed with ${error.status}` };
    await recordActivity(db, { ...activityEvent(request, owner, activity, error.status, started), error: error.detail });
    await noteDirectoryRequest(db, owner.directoryId, context?.tokenId, request.headers.get("user-agent"), error.status);
  } catch (failure) {
    logger().error({ err: failure }, "Could not record a failed SCIM request");
  }
}

/** For a request that did not authenticate: the directory it was aimed at, if that exists. */
async function directoryOf(db: Db, directoryId: string): Promise<Owner | undefined> {
  if (!isUuid(directoryId)) return undefined;
  const [owner] = await db
    .select({ workspaceId: directoryConnections.workspaceId, directoryId: directoryConnections.id })
    .from(directoryConnections)
    .where(eq(directoryConnections.id, directoryId));
  return owner;
}
