import { arrayField, expectStatus, stringField, type ScimClient } from "./scim-client";

const groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
const patchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export type GroupPhaseResult = { totalMs: number; patchMs: number[]; membersAdded: number; membersAfter: number };

/** Creates a group and adds `userIds` to it in sequential PATCHes of `batchSize`, as Entra and Okta do. */
export async function addMembersInBatches(client: ScimClient, userIds: string[], batchSize: number): Promise<GroupPhaseResult> {
  const created = await client.request("POST", "/Groups", { schemas: [groupSchema], displayName: "Bench group" });
  expectStatus(created, [201], "POST /Groups");
  const groupId = stringField(created.body, "id");

  const patchMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < userIds.length; i += batchSize) {
    const value = userIds.slice(i, i + batchSize).map((id) => ({ value: id }));
    const reply = await client.request("PATCH", `/Groups/${groupId}`, { schemas: [patchOpSchema], Operations: [{ op: "add", path: "members", value }] });
    expectStatus(reply, [200, 204], `PATCH /Groups/${groupId} (members ${i + 1}–${i + value.length})`);
    patchMs.push(Math.round(reply.ms));
  }
  const totalMs = Math.round(performance.now() - started);

  const group = await client.request("GET", `/Groups/${groupId}`);
  expectStatus(group, [200], `GET /Groups/${groupId}`);
  return { totalMs, patchMs, membersAdded: userIds.length, membersAfter: arrayField(group.body, "members").length };
}
