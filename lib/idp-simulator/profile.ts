import type { GroupFixture, Person } from "./fixtures";
import type { ProfileName } from "./profile-names";
import type { ScimResponse } from "./scim-client";
import type { SimulationScale } from "./simulation-report";
import type { StepBuilder } from "./step-recorder";

export interface Simulation {
  runId: string;
  scale: SimulationScale;
  /** Domain of every email address the run sends. */
  domain: string;
  people: Person[];
  groups: GroupFixture[];
  step(builder: StepBuilder): Promise<ScimResponse | undefined>;
  /** The id of a resource an earlier step saved, for steps that can do without it. */
  idOf(key: string): string | undefined;
}

export interface Profile {
  name: ProfileName;
  title: string;
  userAgent: string;
  /** Content-Type of request bodies. */
  contentType: string;
  run(simulation: Simulation): Promise<void>;
}
