import type { Profile } from "./profile";
import type { ProfileName } from "./profile-names";
import { entra } from "./profiles/entra";
import { generic } from "./profiles/generic";
import { jumpcloud } from "./profiles/jumpcloud";
import { okta } from "./profiles/okta";
import { onelogin } from "./profiles/onelogin";

export const profiles: Record<ProfileName, Profile> = { okta, entra, onelogin, jumpcloud, generic };
