import type { IdpType } from "@/db/schema";

export { idpLabels } from "@/lib/directories/idp-names";

/** One line under the IdP's name in the picker. */
export const idpTaglines: Record<IdpType, string> = {
  okta: "SCIM app integration, changes pushed in near real time",
  entra: "Enterprise application with automatic provisioning",
  google: "No built-in SCIM client: needs a SCIM bridge",
  onelogin: "SCIM Provisioner app with a JSON template",
  jumpcloud: "Identity Management on an SSO application",
  generic: "Any RFC 7644 client: other IdPs, HR systems, scripts",
};
