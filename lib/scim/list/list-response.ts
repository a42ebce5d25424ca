import { scimJson } from "../http/scim-response";
import { urns } from "../schemas/urns";

export function listResponse(resources: unknown[], totalResults: number, startIndex: number): Response {
  return scimJson({ schemas: [urns.listResponse], totalResults, itemsPerPage: resources.length, startIndex, Resources: resources });
}
