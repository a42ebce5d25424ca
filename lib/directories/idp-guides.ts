import type { IdpType } from "@/db/schema";

/**
 * What the admin types into one of the IdP's fields: this directory's SCIM base URL, its bearer
 * token, or a fixed value (e.g. "userName").
 */
export type GuideFieldValue = { kind: "baseUrl" } | { kind: "token" } | { kind: "text"; text: string };

/** A field of the IdP's own configuration screen, named exactly as the IdP names it. */
export type GuideField = { label: string; value: GuideFieldValue; hint?: string };

export type GuideStep = {
  title: string;
  detail: string;
  fields?: GuideField[];
  /** A snippet to paste (e.g. OneLogin's SCIM JSON Template). */
  code?: { label: string; text: string };
};

/** One row of an IdP's attribute mapping: where a value comes from and where Rollcall keeps it. */
export type AttributeMappingRow = { source: string; scim: string; rollcall: string; note?: string };

export type GuideNote = { tone: "info" | "warning"; title: string; text: string };

export type IdpGuide = {
  idpType: IdpType;
  /** The IdP's product name. */
  name: string;
  /** False when the IdP cannot push SCIM to an arbitrary URL by itself (Google Workspace). */
  pushesScim: boolean;
  summary: string;
  /** The IdP's names for the two things Rollcall gives the admin. */
  baseUrlField: string;
  tokenField: string;
  steps: GuideStep[];
  /** Header of the mapping table's first column, e.g. "Entra attribute". */
  sourceColumn: string;
  userMappings: AttributeMappingRow[];
  groupMappings: AttributeMappingRow[];
  notes: GuideNote[];
  docs: { label: string; url: string }[];
};

const baseUrl: GuideFieldValue = { kind: "baseUrl" };
const token: GuideFieldValue = { kind: "token" };
const text = (value: string): GuideFieldValue => ({ kind: "text", text: value });

const enterprise = (attribute: string) => `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:${attribute}`;

const scimGroupMappings: AttributeMappingRow[] = [
  { source: "Group name", scim: "displayName", rollcall: "Group name", note: "Unique per directory, ignoring case" },
  { source: "Group members", scim: "members", rollcall: "Group members", note: "Users, and groups for nested groups" },
];

const oneLoginTemplate = `{
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:User",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
  ],
  "userName": "{$parameters.scimusername}",
  "name": {
    "givenName": "{$user.firstname}",
    "familyName": "{$user.lastname}",
    "formatted": "{$user.display_name}"
  },
  "displayName": "{$user.display_name}",
  "emails": [{ "value": "{$user.email}", "type": "work", "primary": true }],
  "title": "{$parameters.title}",
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
    "department": "{$parameters.department}"
  }
}`;

const entra: IdpGuide = {
  idpType: "entra",
  name: "Microsoft Entra ID",
  pushesScim: true,
  summary:
    "Entra ID provisions users and groups from a non-gallery enterprise application. It pushes changes in provisioning cycles, about every 40 minutes.",
  baseUrlField: "Tenant URL",
  tokenField: "Secret Token",
  steps: [
    {
      title: "Create an enterprise application",
      detail:
        "In the Microsoft Entra admin center, go to Enterprise applications → New application → Create your own application. Name it, choose “Integrate any other application you don't find in the gallery (Non-gallery)” and select Create.",
    },
    {
      title: "Turn on automatic provisioning",
      detail: "In the new application, open Provisioning and set Provisioning Mode to Automatic.",
    },
    {
      title: "Enter the admin credentials",
      detail: "Under Admin Credentials, fill in the two fields with the values from Rollcall.",
      fields: [
        { label: "Tenant URL", value: baseUrl },
        { label: "Secret Token", value: token, hint: "Paste the token alone. Entra sends it as “Authorization: Bearer …”." },
      ],
    },
    {
      title: "Test Connection, then Save",
      detail:
        "Select Test Connection. Entra looks up a user that cannot exist (userName eq a random GUID) and expects an empty list, which Rollcall returns. When the test passes, select Save.",
    },
    {
      title: "Review the mappings",
      detail:
        "Under Mappings, keep “Provision Microsoft Entra ID Users” on (and “Provision Microsoft Entra ID Groups” to sync groups). Keep userName as the matching attribute; the table below shows the default attribute mapping and where Rollcall stores each value.",
    },
    {
      title: "Assign users and groups, then start provisioning",
      detail:
        "In Users and groups, assign the people and groups to sync, and set Scope to “Sync only assigned users and groups”. Set Provisioning Status to On and select Save. Use Provision on demand to push one user straight away instead of waiting for the cycle.",
    },
  ],
  sourceColumn: "Entra attribute",
  userMappings: [
    { source: "userPrincipalName", scim: "userName", rollcall: "Username", note: "Matching attribute" },
    {
      source: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
      scim: "active",
      rollcall: "Status",
      note: "false suspends the member; true reactivates",
    },
    { source: "mail", scim: 'emails[type eq "work"].value', rollcall: "Email", note: "Must use a verified domain of the workspace" },
    { source: "givenName", scim: "name.givenName", rollcall: "Given name" },
    { source: "surname", scim: "name.familyName", rollcall: "Family name" },
    { source: "displayName", scim: "displayName", rollcall: "Display name" },
    { source: 'Join(" ", [givenName], [surname])', scim: "name.formatted", rollcall: "Full name" },
    { source: "jobTitle", scim: "title", rollcall: "Title" },
    { source: "preferredLanguage", scim: "preferredLanguage", rollcall: "Preferred language" },
    { source: "telephoneNumber", scim: 'phoneNumbers[type eq "work"].value', rollcall: "Phone numbers" },
    { source: "mobile", scim: 'phoneNumbers[type eq "mobile"].value', rollcall: "Phone numbers" },
    { source: "mailNickname", scim: "externalId", rollcall: "External id" },
    { source: "employeeId", scim: enterprise("employeeNumber"), rollcall: "Employee number" },
    { source: "department", scim: enterprise("department"), rollcall: "Department" },
    { source: "manager", scim: enterprise("manager"), rollcall: "Manager", note: "Set once the manager is provisioned too" },
  ],
  groupMappings: [
    { source: "displayName", scim: "displayName", rollcall: "Group name", note: "Matching attribute; unique per directory" },
    { source: "objectId", scim: "externalId", rollcall: "External id" },
    { source: "members", scim: "members", rollcall: "Group members" },
  ],
  notes: [
    {
      tone: "info",
      title: "Changes arrive about every 40 minutes",
      text: "Entra runs an incremental provisioning cycle roughly every 40 minutes and Microsoft does not let you change that. Provision on demand pushes one user or group at once.",
    },
    {
      tone: "info",
      title: "“True” and “False” strings are handled",
      text: "By default Entra sends active as the strings \"True\" and \"False\" and capitalised PATCH operations. Rollcall reads them as booleans, so nothing needs changing in Entra.",
    },
    {
      tone: "info",
      title: "Optional: RFC-compliant PATCH",
      text: "Appending ?aadOptscim062020 to the Tenant URL makes Entra send PATCH requests that follow RFC 7644 (lowercase operations, real booleans). Rollcall accepts both forms; the flag is optional.",
    },
    {
      tone: "warning",
      title: "Unassigning suspends, it does not delete",
      text: "Unassigning or disabling a user in Entra sends active = false, which suspends the member and frees their seat. Entra sends a DELETE only when the user is hard-deleted, 30 days after a soft delete.",
    },
  ],
  docs: [
    {
      label: "Microsoft Learn: develop and plan provisioning for a SCIM endpoint",
      url: "https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups",
    },
    {
      label: "Microsoft Learn: known issues with SCIM 2.0 compliance (aadOptscim062020)",
      url: "https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility",
    },
  ],
};

const okta: IdpGuide = {
  idpType: "okta",
  name: "Okta",
  pushesScim: true,
  summary: "Okta provisions users and pushed groups from a SAML (or SWA) app integration with SCIM provisioning turned on, in near real time.",
  baseUrlField: "SCIM connector base URL",
  tokenField: "Authorization (HTTP Header)",
  steps: [
    {
      title: "Create an app integration with SCIM provisioning",
      detail:
        "In the Okta Admin Console, go to Applications → Applications → Create App Integration and create a SAML 2.0 app (or open the one you use for sign-in). On its General tab, edit App Settings, set Provisioning to SCIM and save.",
    },
    {
      title: "Configure the SCIM connection",
      detail: "Open the Provisioning tab → Integration → Edit and fill in:",
      fields: [
        { label: "SCIM connector base URL", value: baseUrl },
        { label: "Unique identifier field for users", value: text("userName") },
        {
          label: "Supported provisioning actions",
          value: text("Push New Users, Push Profile Updates, Push Groups, Import New Users and Profile Updates"),
        },
        { label: "Authentication Mode", value: text("HTTP Header") },
        { label: "Authorization (Bearer)", value: token, hint: "Paste the token alone; Okta sends it as “Authorization: Bearer …”." },
      ],
    },
    {
      title: "Test Connector Configuration, then Save",
      detail:
        "Select Test Connector Configuration. Okta makes a small list request and shows which provisioning actions it found. Close the dialog and select Save.",
    },
    {
      title: "Enable provisioning To App",
      detail:
        "On Provisioning → To App, select Edit and enable Create Users, Update User Attributes and Deactivate Users. Leave Sync Password off: Rollcall ignores passwords. Save.",
    },
    {
      title: "Assign people and push groups",
      detail:
        "On the Assignments tab, assign people or groups to the app; Okta creates them in Rollcall straight away. On the Push Groups tab, push the groups whose membership Rollcall should know about (for team and role mappings).",
    },
  ],
  sourceColumn: "Okta attribute",
  userMappings: [
    { source: "user.login", scim: "userName", rollcall: "Username", note: "Unique identifier field" },
    { source: "user.firstName", scim: "name.givenName", rollcall: "Given name", note: "Required by Okta" },
    { source: "user.lastName", scim: "name.familyName", rollcall: "Family name", note: "Required by Okta" },
    { source: "user.email", scim: 'emails[type eq "work"].value', rollcall: "Email", note: "Must use a verified domain of the workspace" },
    { source: "user.displayName", scim: "displayName", rollcall: "Display name" },
    { source: "user.title", scim: "title", rollcall: "Title" },
    { source: "user.primaryPhone", scim: 'phoneNumbers[type eq "work"].value', rollcall: "Phone numbers" },
    { source: "user.mobilePhone", scim: 'phoneNumbers[type eq "mobile"].value', rollcall: "Phone numbers" },
    { source: "user.locale", scim: "locale", rollcall: "Locale" },
    { source: "user.timezone", scim: "timezone", rollcall: "Time zone" },
    { source: "user.employeeNumber", scim: enterprise("employeeNumber"), rollcall: "Employee number" },
    { source: "user.department", scim: enterprise("department"), rollcall: "Department" },
    { source: "Okta user id", scim: "externalId", rollcall: "External id", note: "Set by Okta" },
    { source: "User status", scim: "active", rollcall: "Status", note: "Deactivation sends active = false" },
  ],
  groupMappings: scimGroupMappings,
  notes: [
    {
      tone: "warning",
      title: "Okta never deletes users",
      text: "Unassigning, deactivating or suspending a user in Okta sends active = false, which suspends the member. Deleting the user in Okta afterwards sends nothing: the member stays suspended in Rollcall, with their data kept and no seat used.",
    },
    {
      tone: "info",
      title: "Groups need Push Groups",
      text: "Assigning a group on the Assignments tab provisions its people, not the group. Push the group from the Push Groups tab to sync its name and membership.",
    },
  ],
  docs: [{ label: "Okta: connect your SCIM API service to Okta", url: "https://developer.okta.com/docs/guides/scim-provisioning-integration-connect/main/" }],
};

const oneLogin: IdpGuide = {
  idpType: "onelogin",
  name: "OneLogin",
  pushesScim: true,
  summary:
    "OneLogin provisions users through a “SCIM Provisioner with SAML (SCIM v2 Enterprise)” app. The user body comes from a JSON template you control.",
  baseUrlField: "SCIM Base URL",
  tokenField: "SCIM Bearer Token",
  steps: [
    {
      title: "Add the SCIM Provisioner app",
      detail: "In OneLogin, go to Applications → Add App, search for “SCIM Provisioner with SAML (SCIM v2 Enterprise)”, give it a name and save.",
    },
    {
      title: "Fill in the Configuration tab",
      detail: "Under API Connection, enter the two values from Rollcall and paste the SCIM JSON Template below.",
      fields: [
        { label: "SCIM Base URL", value: baseUrl },
        { label: "SCIM Bearer Token", value: token },
      ],
      code: { label: "SCIM JSON Template", text: oneLoginTemplate },
    },
    {
      title: "Enable the API connection",
      detail: "Select Enable next to API Connection. OneLogin makes a first call to the SCIM Base URL; the status turns to Enabled when Rollcall accepts the token. Save.",
    },
    {
      title: "Set the parameters",
      detail:
        "On the Parameters tab, set “SCIM Username” to Email (so userName matches the email), and add title and department parameters if you use them in the template. To sync groups, open the Groups parameter and tick “Include in User Provisioning”.",
    },
    {
      title: "Enable provisioning",
      detail:
        "On the Provisioning tab, tick Enable provisioning. Choose what happens when users are deleted in OneLogin or lose access to the app: Suspend (recommended) or Delete; both suspend the member in Rollcall. Untick “Require admin approval” for the actions you want to run automatically. Save, then assign users on the Users tab or with roles.",
    },
  ],
  sourceColumn: "OneLogin value (template)",
  userMappings: [
    { source: "{$parameters.scimusername}", scim: "userName", rollcall: "Username" },
    { source: "{$user.firstname}", scim: "name.givenName", rollcall: "Given name" },
    { source: "{$user.lastname}", scim: "name.familyName", rollcall: "Family name" },
    { source: "{$user.display_name}", scim: "displayName", rollcall: "Display name" },
    { source: "{$user.email}", scim: 'emails[type eq "work"].value', rollcall: "Email", note: "Must use a verified domain of the workspace" },
    { source: "{$parameters.title}", scim: "title", rollcall: "Title" },
    { source: "{$parameters.department}", scim: enterprise("department"), rollcall: "Department" },
    { source: "User status", scim: "active", rollcall: "Status", note: "Suspend sends active = false" },
  ],
  groupMappings: scimGroupMappings,
  notes: [
    {
      tone: "info",
      title: "Template values arrive as strings",
      text: "OneLogin renders the template as text: empty parameters arrive as \"\" and booleans as \"true\"/\"false\". Rollcall reads empty strings as “not set” and string booleans as booleans.",
    },
    {
      tone: "warning",
      title: "Removing a group from the app sends nothing",
      text: "When a group is removed from the app, OneLogin sends neither a group delete nor member removals. Run Sync Now in Rollcall afterwards so teams and roles are recomputed.",
    },
  ],
  docs: [{ label: "OneLogin: test your SCIM implementation", url: "https://developers.onelogin.com/scim/test-your-scim" }],
};

const jumpCloud: IdpGuide = {
  idpType: "jumpcloud",
  name: "JumpCloud",
  pushesScim: true,
  summary: "JumpCloud provisions users and user groups from the Identity Management tab of an SSO application, with a custom SCIM integration.",
  baseUrlField: "Base URL",
  tokenField: "Token Key",
  steps: [
    {
      title: "Open or create the SSO application",
      detail:
        "In the JumpCloud Admin Portal, go to SSO Applications and open your custom SAML application for Rollcall, or add a new custom application with “Export users to this app (Identity Management)”.",
    },
    {
      title: "Configure the Identity Management tab",
      detail: "On the Identity Management tab, choose the custom SCIM integration and fill in:",
      fields: [
        { label: "SCIM Version", value: text("SCIM 2.0") },
        { label: "Base URL", value: baseUrl },
        { label: "Token Key", value: token },
        { label: "Test User Email", value: text("an address on one of your workspace's verified domains") },
      ],
    },
    {
      title: "Test the connection, then Activate",
      detail:
        "Select Test Connection. JumpCloud creates a test user and a test group in Rollcall, then deletes both; the deleted test user is suspended and removed from the directory, so it uses no seat. When the test passes, select Activate, then Save.",
    },
    {
      title: "Sync groups and bind users",
      detail:
        "Tick “Enable management of User Groups and Group Membership in this application” to sync groups. On the application's User Groups tab, bind the groups whose members should be provisioned, and save.",
    },
  ],
  sourceColumn: "JumpCloud property",
  userMappings: [
    { source: "username", scim: "userName", rollcall: "Username" },
    { source: "firstname", scim: "name.givenName", rollcall: "Given name" },
    { source: "lastname", scim: "name.familyName", rollcall: "Family name" },
    { source: "displayname", scim: "displayName", rollcall: "Display name" },
    { source: "email", scim: 'emails[type eq "work"].value', rollcall: "Email", note: "Must use a verified domain of the workspace" },
    { source: "User state", scim: "active", rollcall: "Status", note: "Unbinding or deactivating suspends" },
  ],
  groupMappings: [
    { source: "name", scim: "displayName", rollcall: "Group name", note: "A Rollcall group with the same name is taken over" },
    { source: "Group members", scim: "members", rollcall: "Group members" },
  ],
  notes: [
    {
      tone: "info",
      title: "A fixed set of attributes",
      text: "The custom SCIM integration has no attribute-mapping editor. Any other standard or enterprise SCIM attribute JumpCloud sends is stored too.",
    },
    {
      tone: "warning",
      title: "Empty groups are not created",
      text: "JumpCloud creates a group in Rollcall only once it has members. A group unbound from the app stops syncing and its members are deactivated unless another bound group keeps them.",
    },
  ],
  docs: [
    {
      label: "JumpCloud: identity management using a custom SCIM integration",
      url: "https://jumpcloud.com/support/provision-and-manage-users-and-groups-in-apps-using-custom-scim-identity-management-integration",
    },
  ],
};

const google: IdpGuide = {
  idpType: "google",
  name: "Google Workspace",
  pushesScim: false,
  summary:
    "Google Workspace has no generic SCIM client: its automatic user provisioning works only for the pre-integrated apps in Google's own catalog, and cannot be pointed at a custom URL and token. This connection can only be fed by a SCIM bridge or another tool that reads your Google directory and speaks SCIM 2.0.",
  baseUrlField: "Base URL",
  tokenField: "Bearer token",
  steps: [
    {
      title: "Know what Google can and cannot do",
      detail:
        "There is no setting in the Google Admin console where you can enter a SCIM URL and token for a custom app. Rollcall does not pull from Google's Directory API either, so nothing arrives until another tool pushes it.",
    },
    {
      title: "Pick a tool that speaks SCIM",
      detail:
        "Use a SCIM bridge (a service or script that reads users and groups from Google's Admin SDK Directory API and writes them over SCIM 2.0), or an identity provider that is already synced with Google Workspace and can provision over SCIM, such as Okta or Microsoft Entra ID. In the second case, create a connection for that IdP instead of this one.",
    },
    {
      title: "Give the tool the base URL and token",
      detail: "Configure the bridge with these two values. It must send the token as “Authorization: Bearer …” on every request.",
      fields: [
        { label: "Base URL", value: baseUrl },
        { label: "Bearer token", value: token },
      ],
    },
    {
      title: "Check the connection",
      detail: "Run the bridge once, then open the Connection test tab to see the requests Rollcall received.",
    },
  ],
  sourceColumn: "Google Directory API field (as your bridge maps it)",
  userMappings: [
    { source: "primaryEmail", scim: "userName", rollcall: "Username" },
    { source: "primaryEmail", scim: 'emails[type eq "work"].value', rollcall: "Email", note: "Must use a verified domain of the workspace" },
    { source: "name.givenName", scim: "name.givenName", rollcall: "Given name" },
    { source: "name.familyName", scim: "name.familyName", rollcall: "Family name" },
    { source: "name.fullName", scim: "displayName", rollcall: "Display name" },
    { source: "organizations[].title", scim: "title", rollcall: "Title" },
    { source: "organizations[].department", scim: enterprise("department"), rollcall: "Department" },
    { source: "suspended (inverted)", scim: "active", rollcall: "Status" },
    { source: "id", scim: "externalId", rollcall: "External id" },
  ],
  groupMappings: [
    { source: "Group name", scim: "displayName", rollcall: "Group name", note: "Unique per directory, ignoring case" },
    { source: "Group members", scim: "members", rollcall: "Group members" },
  ],
  notes: [
    {
      tone: "warning",
      title: "No direct Google Workspace sync",
      text: "Google's auto-provisioning exists only for apps in its catalog. Workarounds that borrow a catalog app which accepts a custom endpoint are unsupported by Google and break easily; we don't recommend them.",
    },
  ],
  docs: [{ label: "Google Workspace Admin SDK: Directory API", url: "https://developers.google.com/workspace/admin/directory/v1/guides" }],
};

const generic: IdpGuide = {
  idpType: "generic",
  name: "Generic SCIM 2.0",
  pushesScim: true,
  summary: "Any client that follows RFC 7643 and RFC 7644 can provision this directory: other identity providers, HR systems or your own scripts.",
  baseUrlField: "Base URL",
  tokenField: "Bearer token",
  steps: [
    {
      title: "Point the client at the base URL",
      detail: "Resources live at /Users and /Groups below the base URL (POST /Users/.search and /Groups/.search work too).",
      fields: [{ label: "Base URL", value: baseUrl }],
    },
    {
      title: "Authenticate with the bearer token",
      detail: "Send the token on every request as an HTTP header: “Authorization: Bearer <token>”.",
      fields: [{ label: "Bearer token", value: token }],
    },
    {
      title: "Let the client discover what Rollcall supports",
      detail:
        "GET /ServiceProviderConfig, /ResourceTypes and /Schemas describe the server: the User schema with the enterprise extension, and the Group schema.",
    },
    {
      title: "Look up before you create",
      detail:
        "Use GET /Users?filter=userName eq \"…\" (or externalId, or emails[type eq \"work\"].value) before POST /Users; an empty result is a 200 with totalResults 0. A user this directory already has gets 409 with a readable detail; an existing member nobody manages, with the same userName or email, is linked instead of duplicated.",
    },
    {
      title: "Deprovision",
      detail:
        "Set active to false (PATCH or PUT) to suspend a member, or DELETE the user to suspend it and remove it from the directory; it is purged after the directory's retention window unless it is provisioned again before then.",
    },
  ],
  sourceColumn: "Your attribute",
  userMappings: [
    { source: "Username", scim: "userName", rollcall: "Username", note: "Required; unique in the workspace, ignoring case" },
    { source: "Email", scim: 'emails[type eq "work"].value', rollcall: "Email", note: "Primary email; must use a verified domain of the workspace" },
    { source: "First name", scim: "name.givenName", rollcall: "Given name" },
    { source: "Last name", scim: "name.familyName", rollcall: "Family name" },
    { source: "Display name", scim: "displayName", rollcall: "Display name" },
    { source: "Job title", scim: "title", rollcall: "Title" },
    { source: "Phone", scim: "phoneNumbers[].value", rollcall: "Phone numbers" },
    { source: "Your user id", scim: "externalId", rollcall: "External id" },
    { source: "Employee number", scim: enterprise("employeeNumber"), rollcall: "Employee number" },
    { source: "Department", scim: enterprise("department"), rollcall: "Department" },
    { source: "Manager", scim: enterprise("manager"), rollcall: "Manager", note: "The manager's SCIM id in this directory" },
    { source: "Status", scim: "active", rollcall: "Status", note: "false suspends" },
  ],
  groupMappings: scimGroupMappings,
  notes: [
    {
      tone: "info",
      title: "What Rollcall supports",
      text: "Filters (eq, ne, co, sw, ew, pr, gt, ge, lt, le with and, or, not and value paths), PATCH add/remove/replace with or without a path, ETags (If-Match → 412, If-None-Match → 304), sorting and paging up to 1,000 results per page. /Bulk and /Me answer 501.",
    },
  ],
  docs: [
    { label: "RFC 7644: SCIM protocol", url: "https://www.rfc-editor.org/rfc/rfc7644" },
    { label: "RFC 7643: SCIM core schema", url: "https://www.rfc-editor.org/rfc/rfc7643" },
  ],
};

export const idpGuides: Record<IdpType, IdpGuide> = { okta, entra, google, onelogin: oneLogin, jumpcloud: jumpCloud, generic };

/** The IdPs in the order the console offers them. */
export const idpOrder: readonly IdpType[] = ["okta", "entra", "google", "onelogin", "jumpcloud", "generic"];

export function idpGuide(idpType: IdpType): IdpGuide {
  return idpGuides[idpType];
}
