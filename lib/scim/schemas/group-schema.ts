import { attribute, complexAttribute, type ResourceAttributes, type ScimSchema } from "./attribute";
import { commonAttributes } from "./common-attributes";
import { urns } from "./urns";

export const groupSchema: ScimSchema = {
  id: urns.group,
  name: "Group",
  description: "A group of users (and nested groups) of the directory.",
  attributes: [
    attribute("displayName", "string", "The group's name.", { required: true }),
    complexAttribute(
      "members",
      "Users and groups of this directory in the group.",
      [
        attribute("value", "string", "The member's id.", { mutability: "immutable" }),
        attribute("$ref", "reference", "URI of the member.", { mutability: "immutable", referenceTypes: ["User", "Group"] }),
        attribute("display", "string", "The member's name.", { mutability: "readOnly" }),
        attribute("type", "string", "User or Group.", { mutability: "immutable", canonicalValues: ["User", "Group"] }),
      ],
      { multiValued: true },
    ),
  ],
};

export const groupAttributes: ResourceAttributes = {
  core: [...commonAttributes, ...groupSchema.attributes],
  extensions: {},
};
