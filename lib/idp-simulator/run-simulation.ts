import { makeGroups, makePeople, newRunId } from "./fixtures";
import { formatStep } from "./format-report";
import type { Simulation } from "./profile";
import type { ProfileName } from "./profile-names";
import { profiles } from "./profile-registry";
import { createScimClient } from "./scim-client";
import type { SimulationReport, SimulationScale } from "./simulation-report";
import { StepRecorder } from "./step-recorder";

export interface SimulationOptions {
  profile: ProfileName;
  /** `http://host/scim/v2/<directoryId>` */
  baseUrl: string;
  token: string;
  users?: number;
  groups?: number;
  /** Members per group; at most `users`. */
  members?: number;
  /**
   * Domain of the users' userNames and emails (default example.com). Rollcall refuses emails off
   * the workspace's verified domains, so use one of those against a workspace that has any.
   */
  domain?: string;
  /** Lets tests dispatch to the route handler in-process. */
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

/** Entra needs an answer within about 60 s. */
const requestTimeoutMs = 60_000;

function count(value: number | undefined, fallback: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < min || resolved > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${resolved}`);
  }
  return resolved;
}

function absoluteUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== "http:" && url?.protocol !== "https:") {
    throw new RangeError(`the base URL must be an absolute http(s) URL such as http://host/scim/v2/<directoryId>, got "${value}"`);
  }
  return url.href.replace(/\/+$/, "");
}

export function resolveScale(options: Pick<SimulationOptions, "users" | "groups" | "members">): SimulationScale {
  const users = count(options.users, 5, "users", 1);
  const groups = count(options.groups, 2, "groups", 0);
  const members = count(options.members, Math.min(users, 3), "members", 0, users);
  return { users, groups, members };
}

/**
 * Replays what one IdP sends against a SCIM server and reports every request. Never throws once
 * started: failed requests, and steps skipped because an earlier one failed, are in the report.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  const profile = profiles[options.profile];
  if (!profile) throw new RangeError(`unknown profile ${String(options.profile)}`);
  const scale = resolveScale(options);
  const baseUrl = absoluteUrl(options.baseUrl);
  const runId = newRunId();
  const domain = options.domain ?? "example.com";
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domain)) throw new RangeError(`domain must be a domain name, got "${domain}"`);
  const started = performance.now();

  const client = createScimClient({
    baseUrl,
    token: options.token,
    userAgent: profile.userAgent,
    contentType: profile.contentType,
    fetch: options.fetch ?? fetch,
    timeoutMs: requestTimeoutMs,
  });
  const recorder = new StepRecorder(client, (step) => options.log?.(formatStep(step)));
  const simulation: Simulation = {
    runId,
    scale,
    domain,
    people: makePeople(profile.name, runId, scale.users, domain),
    groups: makeGroups(profile.name, runId, scale),
    step: (builder) => recorder.step(builder),
    idOf: (key) => recorder.store.id(key),
  };

  try {
    await profile.run(simulation);
  } catch (error) {
    // Only a bug in a profile gets here; steps themselves never throw.
    recorder.abort(error);
  }

  const steps = recorder.steps;
  const failed = steps.filter((step) => !step.ok).length;
  return {
    profile: profile.name,
    baseUrl,
    runId,
    scale,
    steps,
    passed: steps.length - failed,
    failed,
    skipped: steps.filter((step) => step.skipped).length,
    durationMs: Math.round(performance.now() - started),
  };
}
