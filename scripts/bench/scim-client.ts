export type ScimReply = { status: number; body: unknown; ms: number };

export type ScimClient = {
  /** Path below /scim/v2/{directoryId}, e.g. `/Users?count=1`. */
  path: (below: string) => string;
  headers: Record<string, string>;
  request: (method: string, below: string, body?: unknown) => Promise<ScimReply>;
};

export function scimClient(baseUrl: string, directoryId: string, token: string): ScimClient {
  const path = (below: string) => `/scim/v2/${directoryId}${below}`;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json", "user-agent": "rollcall-bench" };
  return {
    path,
    headers,
    request: async (method, below, body) => {
      const started = performance.now();
      const response = await fetch(baseUrl + path(below), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      const ms = performance.now() - started;
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, ms };
    },
  };
}

/** Throws with the server's answer unless the status is the expected one. */
export function expectStatus(reply: ScimReply, expected: number[], what: string): void {
  if (!expected.includes(reply.status)) {
    throw new Error(`${what}: expected HTTP ${expected.join(" or ")}, got ${reply.status}: ${JSON.stringify(reply.body).slice(0, 500)}`);
  }
}

function fieldOf(body: unknown, name: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

export function stringField(body: unknown, name: string): string {
  const value = fieldOf(body, name);
  if (typeof value !== "string") throw new Error(`Expected a string ${name} in ${JSON.stringify(body).slice(0, 300)}`);
  return value;
}

export function numberField(body: unknown, name: string): number {
  const value = fieldOf(body, name);
  if (typeof value !== "number") throw new Error(`Expected a number ${name} in ${JSON.stringify(body).slice(0, 300)}`);
  return value;
}

/** A list field (a ListResponse's `Resources`, a group's `members`); absent counts as empty. */
export function arrayField(body: unknown, name: string): unknown[] {
  const value = fieldOf(body, name) ?? [];
  if (!Array.isArray(value)) throw new Error(`Expected ${name} to be a list in ${JSON.stringify(body).slice(0, 300)}`);
  return value;
}
