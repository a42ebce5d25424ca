import { attribute, complexAttribute, type ResourceAttributes, type ScimSchema } from "./attribute";
import { commonAttributes } from "./common-attributes";
import { urns } from "./urns";

const typedValue = (name: string, description: string, types: string[], valueType: "string" | "reference" = "string") =>
  complexAttribute(
    name,
    description,
    [
      attribute("value", valueType, `The ${description.toLowerCase()} itself.`),
      attribute("display", "string", "A human-readable name."),
      attribute("type", "string", "What kind of value this is.", { canonicalValues: types }),
      attribute("primary", "boolean", "Whether this is the preferred value; at most one is."),
    ],
    { multiValued: true },
  );

export const userSchema: ScimSchema = {
  id: urns.user,
  name: "User",
  description: "A member of the workspace.",
  attributes: [
    attribute("userName", "string", "Unique identifier of the user, usually an email address. Unique per workspace, ignoring case.", {
      required: true,
      uniqueness: "server",
    }),
    complexAttribute("name", "The components of the user's name.", [
      attribute("formatted", "string", "The full name, formatted for display."),
      attribute("familyName", "string", "Family name."),
      attribute("givenName", "string", "Given name."),
      attribute("middleName", "string", "Middle name."),
      attribute("honorificPrefix", "string", "Honorific prefix, e.g. Ms."),
      attribute("honorificSuffix", "string", "Honorific suffix, e.g. III."),
    ]),
    attribute("displayName", "string", "The name to display."),
    attribute("nickName", "string", "Casual name."),
    attribute("profileUrl", "reference", "Profile page.", { referenceTypes: ["external"] }),
    attribute("title", "string", "Job title."),
    attribute("userType", "string", "Relationship to the organization, e.g. Employee."),
    attribute("preferredLanguage", "string", "Preferred language, e.g. en-US."),
    attribute("locale", "string", "Locale for formatting, e.g. en-US."),
    attribute("timezone", "string", "Time zone, e.g. America/Los_Angeles."),
    attribute("active", "boolean", "False suspends the member: no sign-in, no seat, data kept."),
    attribute("password", "string", "Accepted and discarded; members sign in through the workspace.", {
      mutability: "writeOnly",
      returned: "never",
    }),
    typedValue("emails", "Email address", ["work", "home", "other"]),
    typedValue("phoneNumbers", "Phone number", ["work", "home", "mobile", "fax", "pager", "other"]),
    complexAttribute(
      "addresses",
      "Physical mailing addresses.",
      [
        attribute("formatted", "string", "The full address, formatted for display."),
        attribute("streetAddress", "string", "Street address."),
        attribute("locality", "string", "City or locality."),
        attribute("region", "string", "State or region."),
        attribute("postalCode", "string", "Postal code."),
        attribute("country", "string", "Country, ISO 3166-1 alpha-2."),
        attribute("type", "string", "What kind of address this is.", { canonicalValues: ["work", "home", "other"] }),
        attribute("primary", "boolean", "Whether this is the preferred address."),
      ],
      { multiValued: true },
    ),
    complexAttribute(
      "groups",
      "Groups of this directory the user belongs to directly. Managed through /Groups.",
      [
        attribute("value", "string", "The group's id.", { mutability: "readOnly" }),
        attribute("$ref", "reference", "URI of the group.", { mutability: "readOnly", referenceTypes: ["Group"] }),
        attribute("display", "string", "The group's name.", { mutability: "readOnly" }),
        attribute("type", "string", "direct", { mutability: "readOnly", canonicalValues: ["direct"] }),
      ],
      { multiValued: true, mutability: "readOnly" },
    ),
  ],
};

export const enterpriseUserSchema: ScimSchema = {
  id: urns.enterpriseUser,
  name: "EnterpriseUser",
  description: "Enterprise user attributes.",
  attributes: [
    attribute("employeeNumber", "string", "Employee number."),
    attribute("costCenter", "string", "Cost center."),
    attribute("organization", "string", "Organization."),
    attribute("division", "string", "Division."),
    attribute("department", "string", "Department."),
    complexAttribute("manager", "The user's manager, a user of the same directory.", [
      attribute("value", "string", "The manager's id."),
      attribute("$ref", "reference", "URI of the manager.", { referenceTypes: ["User"] }),
      attribute("displayName", "string", "The manager's name.", { mutability: "readOnly" }),
    ]),
  ],
};

/** Core and extension attributes of a User, common ones included. */
export const userAttributes: ResourceAttributes = {
  core: [...commonAttributes, ...userSchema.attributes],
  extensions: { [urns.enterpriseUser]: enterpriseUserSchema.attributes },
};
