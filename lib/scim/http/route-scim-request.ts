import type { Db } from "@/db/client";
import { notFound, ScimError } from "../errors";
import { resourceTypes, schemaDocuments, serviceProviderConfig } from "../discovery/discovery-documents";
import { createGroup } from "../groups/create-group";
import { deleteGroup } from "../groups/delete-group";
import { getGroup } from "../groups/get-group";
import { listGroups } from "../groups/list-groups";
import { patchGroup } from "../groups/patch-group";
import { replaceGroup } from "../groups/replace-group";
import { listRequestFromQuery, listRequestFromSearch } from "../list/list-request";
import { listResponse } from "../list/list-response";
import { createUser } from "../users/create-user";
import { deleteUser } from "../users/delete-user";
import { getUser } from "../users/get-user";
import { listUsers } from "../users/list-users";
import { patchUser } from "../users/patch-user";
import { replaceUser } from "../users/replace-user";
import { readScimBody } from "./read-scim-body";
import type { ScimContext } from "./scim-context";
import type { ScimResult } from "./scim-result";
import { scimJson } from "./scim-response";

type ResourceType = "User" | "Group";

export type ScimRoute =
  /** Discovery documents: served without a token (and logged when one is sent). */
  | { kind: "public"; resourceType?: undefined; respond: () => Response }
  | { kind: "read"; resourceType: ResourceType; run: (db: Db, context: ScimContext) => Promise<ScimResult> }
  | { kind: "write"; resourceType: ResourceType; readBody?: () => Promise<unknown>; run: (tx: Db, context: ScimContext, body: unknown) => Promise<ScimResult> };

const operations = {
  Users: { type: "User", list: listUsers, create: createUser, get: getUser, replace: replaceUser, patch: patchUser, remove: deleteUser },
  Groups: { type: "Group", list: listGroups, create: createGroup, get: getGroup, replace: replaceGroup, patch: patchGroup, remove: deleteGroup },
} as const;

function methodNotAllowed(method: string, allowed: string[]): never {
  throw new ScimError(405, `${method} is not supported here; use ${allowed.join(", ")}.`, undefined, { allow: allowed.join(", ") });
}

/** Maps a method and the path below /scim/v2/{directoryId} to what to do. */
export function routeScimRequest(request: Request, path: string[], baseUrl: string): ScimRoute {
  const method = request.method.toUpperCase();
  const [collection, id, ...rest] = path;
  const body = () => readScimBody(request);

  if (collection === undefined || ["ServiceProviderConfig", "ResourceTypes", "Schemas"].includes(collection)) {
    if (method !== "GET") methodNotAllowed(method, ["GET"]);
    return { kind: "public", respond: () => discovery(collection, id, rest, baseUrl) };
  }
  if (collection === "Bulk" || collection === "Me") {
    throw new ScimError(501, `/${collection} is not supported by this server (see ServiceProviderConfig).`);
  }
  const resource = collection === "Users" || collection === "Groups" ? operations[collection] : undefined;
  if (!resource || rest.length > 0) throw notFound(`There is no ${path.join("/")} endpoint; use /Users, /Groups or the discovery endpoints.`);
  const resourceType = resource.type;

  if (id === undefined) {
    if (method === "GET") {
      const list = listRequestFromQuery(new URL(request.url).searchParams);
      return { kind: "read", resourceType, run: (db, context) => resource.list(db, context, list) };
    }
    if (method === "POST") return { kind: "write", resourceType, readBody: body, run: (tx, context, json) => resource.create(tx, context, json) };
    methodNotAllowed(method, ["GET", "POST"]);
  }
  if (id === ".search") {
    if (method !== "POST") methodNotAllowed(method, ["POST"]);
    return { kind: "read", resourceType, run: async (db, context) => resource.list(db, context, listRequestFromSearch(await body())) };
  }
  switch (method) {
    case "GET":
      return { kind: "read", resourceType, run: (db, context) => resource.get(db, context, id, request) };
    case "PUT":
      return { kind: "write", resourceType, readBody: body, run: (tx, context, json) => resource.replace(tx, context, id, json, request) };
    case "PATCH":
      return { kind: "write", resourceType, readBody: body, run: (tx, context, json) => resource.patch(tx, context, id, json, request) };
    case "DELETE":
      return { kind: "write", resourceType, run: (tx, context) => resource.remove(tx, context, id, request) };
    default:
      methodNotAllowed(method, ["GET", "PUT", "PATCH", "DELETE"]);
  }
}

function discovery(collection: string | undefined, id: string | undefined, rest: string[], baseUrl: string): Response {
  if (rest.length > 0) throw notFound("No such discovery document.");
  if (collection === undefined || collection === "ServiceProviderConfig") {
    if (id !== undefined) throw notFound("No such discovery document.");
    return scimJson(serviceProviderConfig(baseUrl));
  }
  const documents: Array<{ id: string }> = collection === "ResourceTypes" ? resourceTypes(baseUrl) : schemaDocuments(baseUrl);
  if (id === undefined) return listResponse(documents, documents.length, 1);
  const found = documents.find((d) => d.id.toLowerCase() === decodeURIComponent(id).toLowerCase());
  if (!found) throw notFound(`No ${collection === "Schemas" ? "schema" : "resource type"} "${id}".`);
  return scimJson(found);
}

