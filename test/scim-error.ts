import { ScimError } from "@/lib/scim/errors";

/** Runs `run` and returns the ScimError it throws; anything else (or nothing) fails the test. */
export function scimError(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error("expected a ScimError");
}
