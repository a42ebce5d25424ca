import { attribute, complexAttribute } from "./attribute";

/** RFC 7643 §3.1 attributes every resource has. Served in /Schemas too, since Entra matches mapped attributes against it. */
export const commonAttributes = [
  attribute("id", "string", "Identifier issued by Rollcall; never changes.", {
    caseExact: true,
    mutability: "readOnly",
    returned: "always",
    uniqueness: "server",
  }),
  attribute("externalId", "string", "Identifier of the resource in the identity provider.", { caseExact: true }),
  complexAttribute(
    "meta",
    "Resource metadata.",
    [
      attribute("resourceType", "string", "User or Group.", { caseExact: true, mutability: "readOnly" }),
      attribute("created", "dateTime", "When the resource was created.", { mutability: "readOnly" }),
      attribute("lastModified", "dateTime", "When the resource last changed.", { mutability: "readOnly" }),
      attribute("location", "reference", "URI of the resource.", { mutability: "readOnly", referenceTypes: ["uri"] }),
      attribute("version", "string", "Weak entity tag of the resource.", { caseExact: true, mutability: "readOnly" }),
    ],
    { mutability: "readOnly" },
  ),
];
