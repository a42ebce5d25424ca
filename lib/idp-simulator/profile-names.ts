export const profileNames = ["okta", "entra", "onelogin", "jumpcloud", "generic"] as const;

export type ProfileName = (typeof profileNames)[number];

export function isProfileName(value: string): value is ProfileName {
  return (profileNames as readonly string[]).includes(value);
}
