import type { Member, ScimAddress, ScimMultiValue } from "@/db/schema";
import type { ScimDocument } from "../schemas/coerce-resource";
import { urns } from "../schemas/urns";

type StringColumn = { [K in keyof Member]: Member[K] extends string | null ? K : never }[keyof Member];

const topLevel = [
  ["externalId", "externalId"],
  ["userName", "userName"],
  ["displayName", "displayName"],
  ["nickName", "nickName"],
  ["profileUrl", "profileUrl"],
  ["title", "title"],
  ["userType", "userType"],
  ["preferredLanguage", "preferredLanguage"],
  ["locale", "locale"],
  ["timezone", "timezone"],
] as const satisfies ReadonlyArray<readonly [string, StringColumn]>;

const nameParts = [
  ["formatted", "formattedName"],
  ["familyName", "familyName"],
  ["givenName", "givenName"],
  ["middleName", "middleName"],
  ["honorificPrefix", "honorificPrefix"],
  ["honorificSuffix", "honorificSuffix"],
] as const satisfies ReadonlyArray<readonly [string, StringColumn]>;

const enterprise = [
  ["employeeNumber", "employeeNumber"],
  ["costCenter", "costCenter"],
  ["organization", "organization"],
  ["division", "division"],
  ["department", "department"],
] as const satisfies ReadonlyArray<readonly [string, StringColumn]>;

/** The member columns a User resource writes. */
export const profileColumns = [
  ...topLevel.map(([, column]) => column),
  ...nameParts.map(([, column]) => column),
  ...enterprise.map(([, column]) => column),
  "email",
  "emails",
  "phoneNumbers",
  "addresses",
  "managerId",
] as const;


export type MemberProfile = Pick<
  Member,
  | (typeof topLevel)[number][1]
  | (typeof nameParts)[number][1]
  | (typeof enterprise)[number][1]
  | "email"
  | "emails"
  | "phoneNumbers"
  | "addresses"
  | "managerId"
> & { active: boolean | undefined };

function pick(source: Record<string, unknown>, key: string): string | null {
  const value = source[key];
  return typeof value === "string" ? value : null;
}

function compact(entries: Array<[string, unknown]>): Record<string, unknown> | undefined {
  const kept = entries.filter(([, value]) => value !== null && value !== undefined);
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** The writable attributes of a member as a canonical document (the input of PATCH). */
export function memberToDocument(member: Member): ScimDocument {
  const document: ScimDocument = {};
  for (const [attribute, column] of topLevel) if (member[column] !== null) document[attribute] = member[column];
  const name = compact(nameParts.map(([part, column]) => [part, member[column]]));
  if (name) document.name = name;
  document.active = member.status === "active";
  if (member.emails.length) document.emails = member.emails;
  if (member.phoneNumbers.length) document.phoneNumbers = member.phoneNumbers;
  if (member.addresses.length) document.addresses = member.addresses;
  const extension = compact([
    ...enterprise.map(([attribute, column]): [string, unknown] => [attribute, member[column]]),
    ["manager", member.managerId ? { value: member.managerId } : undefined],
  ]);
  if (extension) document[urns.enterpriseUser] = extension;
  return document;
}

/** The member columns a document describes; absent attributes become null (PUT replaces). */
export function documentToProfile(document: ScimDocument): MemberProfile {
  const name = (document.name ?? {}) as Record<string, unknown>;
  const extension = (document[urns.enterpriseUser] ?? {}) as Record<string, unknown>;
  const emails = (document.emails ?? []) as ScimMultiValue[];
  const manager = extension.manager as { value?: unknown } | undefined;
  const profile = {
    ...Object.fromEntries(topLevel.map(([attribute, column]) => [column, pick(document, attribute)])),
    ...Object.fromEntries(nameParts.map(([part, column]) => [column, pick(name, part)])),
    ...Object.fromEntries(enterprise.map(([attribute, column]) => [column, pick(extension, attribute)])),
  } as Omit<MemberProfile, "email" | "emails" | "phoneNumbers" | "addresses" | "managerId" | "active">;
  return {
    ...profile,
    userName: profile.userName ?? "",
    email: primaryEmail(emails, profile.userName),
    emails,
    phoneNumbers: (document.phoneNumbers ?? []) as ScimMultiValue[],
    addresses: (document.addresses ?? []) as ScimAddress[],
    managerId: typeof manager?.value === "string" && manager.value !== "" ? manager.value : null,
    active: typeof document.active === "boolean" ? document.active : undefined,
  };
}

/** The address members sign in with: the primary email, else the first, else a userName that is one. */
function primaryEmail(emails: ScimMultiValue[], userName: string | null): string | null {
  const chosen = emails.find((e) => e.primary === true) ?? emails[0];
  if (chosen?.value) return chosen.value;
  return userName && /^[^@\s]+@[^@\s]+$/.test(userName) ? userName : null;
}
