import type { ProfileName } from "./profile-names";
import type { HttpMethod } from "./scim-client";

export interface SimulationStep {
  name: string;
  method: HttpMethod;
  /** Path under the base URL, query not percent-encoded; `{user:0}` marks an id a skipped step lacked. */
  path: string;
  /** null when no response came back: the step was skipped or the request failed. */
  status: number | null;
  expected: number[];
  ok: boolean;
  skipped?: boolean;
  detail?: string;
}

export interface SimulationScale {
  users: number;
  groups: number;
  members: number;
}

export interface SimulationReport {
  profile: ProfileName;
  baseUrl: string;
  /** Part of every userName and group name the run created. */
  runId: string;
  scale: SimulationScale;
  steps: SimulationStep[];
  passed: number;
  /** Steps that are not ok, skipped ones included: the IdP's flow did not complete. */
  failed: number;
  skipped: number;
  durationMs: number;
}
