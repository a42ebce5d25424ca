import type { IdpType } from "@/db/schema";

/** The IdP's product name, as admins know it. */
export const idpLabels: Record<IdpType, string> = {
  okta: "Okta",
  entra: "Microsoft Entra ID",
  google: "Google Workspace",
  onelogin: "OneLogin",
  jumpcloud: "JumpCloud",
  generic: "Generic SCIM 2.0",
};
