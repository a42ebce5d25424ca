import { describe, getString, type JsonObject } from "./json";
import { ResourceStore } from "./resource-store";
import type { Check } from "./response-checks";
import { displayPath, type ScimClient, type ScimRequest, type ScimResponse } from "./scim-client";
import type { SimulationStep } from "./simulation-report";

/** One request of an IdP's sequence, and what the IdP needs back. */
export interface StepSpec extends ScimRequest {
  name: string;
  expect: number | readonly number[];
  check?: Check;
  /** Keeps the response body under this key when it carries an id, for later steps to use. */
  save?: string;
}

/** Gives a step what earlier steps produced; anything missing turns the step into a skipped one. */
export interface Need {
  id(key: string): string;
  document(key: string): JsonObject;
  value(value: string | undefined, why: string): string;
}

export type StepBuilder = StepSpec | ((need: Need) => StepSpec);

function message(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch says only "fetch failed"; the cause says why (ECONNREFUSED, a certificate, …).
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

function unexpectedStatus(expected: readonly number[], response: ScimResponse): string {
  const said = getString(response.body, "detail");
  return `expected ${expected.join(" or ")}, got ${response.status}${said ? ` (server said: ${describe(said)})` : ""}`;
}

function contentTypeProblem(response: ScimResponse): string | undefined {
  if (response.text.trim() === "") return undefined;
  if (response.parseError) return `response body is not JSON (${response.parseError})`;
  const type = response.headers.get("content-type") ?? "";
  return type.toLowerCase().includes("application/scim+json")
    ? undefined
    : `Content-Type is ${describe(type || undefined)}, expected application/scim+json`;
}

export class StepRecorder {
  readonly steps: SimulationStep[] = [];
  readonly store = new ResourceStore();

  constructor(
    private readonly client: ScimClient,
    private readonly log: (step: SimulationStep) => void,
  ) {}

  /**
   * Sends one request and records it; returns the response when one came back. Server failures,
   * network errors and failing checks are recorded, not thrown.
   */
  async step(builder: StepBuilder): Promise<ScimResponse | undefined> {
    const missing: string[] = [];
    const need: Need = {
      id: (key) => this.store.id(key) ?? (missing.push(this.store.whyMissing(key)), `{${key}}`),
      document: (key) => this.store.document(key) ?? (missing.push(this.store.whyMissing(key)), {}),
      value: (value, why) => value ?? (missing.push(why), "{missing}"),
    };
    const spec = typeof builder === "function" ? builder(need) : builder;
    const expected = typeof spec.expect === "number" ? [spec.expect] : [...spec.expect];
    const base = { name: spec.name, method: spec.method, path: displayPath(spec.path, spec.query), expected };

    if (missing.length > 0) {
      const reasons = [...new Set(missing)];
      const more = reasons.length > 2 ? ` and ${reasons.length - 2} more` : "";
      const detail = `skipped: ${reasons.slice(0, 2).join("; ")}${more}`;
      if (spec.save) this.store.fail(spec.save, `"${spec.name}" was skipped`);
      this.record({ ...base, status: null, ok: false, skipped: true, detail });
      return undefined;
    }

    let response: ScimResponse;
    try {
      response = await this.client(spec);
    } catch (error) {
      const detail = `no response: ${message(error)}`;
      if (spec.save) this.store.fail(spec.save, `"${spec.name}" got no response`);
      this.record({ ...base, status: null, ok: false, detail });
      return undefined;
    }

    const detail = this.judge(spec, expected, response);
    if (spec.save && !this.store.save(spec.save, response.body)) {
      const outcome = expected.includes(response.status) ? "returned no id" : `got ${response.status}`;
      this.store.fail(spec.save, `"${spec.name}" ${outcome}`);
    }
    this.record({ ...base, status: response.status, ok: detail === undefined, ...(detail ? { detail } : {}) });
    return response;
  }

  /** Records that a bug in the simulator stopped the sequence, so the report says so instead of the run throwing. */
  abort(error: unknown): void {
    this.record({
      name: "simulator error: the sequence stopped early",
      method: "GET",
      path: "",
      status: null,
      expected: [],
      ok: false,
      detail: message(error),
    });
  }

  private judge(spec: StepSpec, expected: readonly number[], response: ScimResponse): string | undefined {
    if (!expected.includes(response.status)) return unexpectedStatus(expected, response);
    try {
      const reasons = [contentTypeProblem(response), spec.check?.(response)].filter((reason) => reason !== undefined);
      return reasons.length > 0 ? reasons.join("; ") : undefined;
    } catch (error) {
      return `could not check the response: ${message(error)}`;
    }
  }

  private record(step: SimulationStep): void {
    this.steps.push(step);
    this.log(step);
  }
}
