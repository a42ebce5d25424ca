import { maxPayloadBytes } from "../http/read-scim-body";
import { maxResults } from "../list/list-request";
import type { ScimSchema } from "../schemas/attribute";
import { groupSchema } from "../schemas/group-schema";
import { urns } from "../schemas/urns";
import { enterpriseUserSchema, userSchema } from "../schemas/user-schema";
import { commonAttributes } from "../schemas/common-attributes";

const meta = (baseUrl: string, resourceType: string, path: string) => ({ resourceType, location: `${baseUrl}/${path}` });

/** RFC 7643 §5: exactly what this server does. */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [urns.serviceProviderConfig],
    documentationUri: "https://github.com/rollcall/rollcall#scim-20-endpoints",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: maxPayloadBytes },
    filter: { supported: true, maxResults },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "The directory's token from Rollcall's Directory Sync page, as 'Authorization: Bearer <token>'.",
        primary: true,
      },
    ],
    meta: meta(baseUrl, "ServiceProviderConfig", "ServiceProviderConfig"),
  };
}

export function resourceTypes(baseUrl: string) {
  return [
    {
      schemas: [urns.resourceType],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "Members of the workspace",
      schema: urns.user,
      schemaExtensions: [{ schema: urns.enterpriseUser, required: false }],
      meta: meta(baseUrl, "ResourceType", "ResourceTypes/User"),
    },
    {
      schemas: [urns.resourceType],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "Groups of the directory",
      schema: urns.group,
      meta: meta(baseUrl, "ResourceType", "ResourceTypes/Group"),
    },
  ];
}

/** /Schemas serves the core schemas with the common attributes included: Entra's discovery matches every mapped attribute against it. */
export function schemaDocuments(baseUrl: string) {
  const withCommon = (schema: ScimSchema) => ({ ...schema, attributes: [...commonAttributes.filter((a) => a.name !== "meta"), ...schema.attributes] });
  return [withCommon(userSchema), enterpriseUserSchema, withCommon(groupSchema)].map((schema) => ({
    schemas: [urns.schema],
    ...schema,
    meta: meta(baseUrl, "Schema", `Schemas/${schema.id}`),
  }));
}
