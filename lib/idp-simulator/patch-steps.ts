import { urns } from "@/lib/scim/schemas/urns";
import type { GroupFixture, Person } from "./fixtures";
import type { Check } from "./response-checks";
import type { Need, StepBuilder } from "./step-recorder";

/** Every IdP accepts either answer to a PATCH: 200 with the resource or 204 without. */
export const patchAnswers = [200, 204] as const;

export function patchOp(...operations: unknown[]) {
  return { schemas: [urns.patchOp], Operations: operations };
}

/** PATCH operations, built once the ids they carry are known. */
type Operations = readonly unknown[] | ((need: Need) => readonly unknown[]);

/** Only the operations are the IdP's own: method, path and the accepted answers are the same for every IdP. */
function patchStep(name: string, path: (need: Need) => string, operations: Operations, check?: Check): StepBuilder {
  return (need) => ({
    name,
    method: "PATCH",
    path: path(need),
    body: patchOp(...(typeof operations === "function" ? operations(need) : operations)),
    expect: patchAnswers,
    ...(check ? { check } : {}),
  });
}

/** A PATCH of a created user with the IdP's own operations. */
export const patchUser = (person: Person, name: string, operations: Operations, check?: Check): StepBuilder =>
  patchStep(name, (need) => `/Users/${need.id(person.key)}`, operations, check);

/** A PATCH of a created group with the IdP's own operations. */
export const patchGroup = (group: GroupFixture, name: string, operations: Operations, check?: Check): StepBuilder =>
  patchStep(name, (need) => `/Groups/${need.id(group.key)}`, operations, check);
