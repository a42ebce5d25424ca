import { describe, expect, it } from "vitest";
import { retryTransientConflicts } from "./pg-error";

const failure = (code: string) => Object.assign(new Error("Failed query"), { cause: Object.assign(new Error(code), { code }) });

function failing(...codes: string[]) {
  let calls = 0;
  const work = async () => {
    const code = codes[calls++];
    if (code) throw failure(code);
    return "done";
  };
  return { work, calls: () => calls };
}

describe("retryTransientConflicts", () => {
  it("runs again after a deadlock or a serialization failure, and answers what the last run did", async () => {
    const flaky = failing("40P01", "40001");
    expect(await retryTransientConflicts(flaky.work)).toBe("done");
    expect(flaky.calls()).toBe(3);
  });

  it("gives up after the attempts it was given, with the last failure", async () => {
    const stuck = failing("40P01", "40P01", "40P01", "40P01");
    await expect(retryTransientConflicts(stuck.work, 3)).rejects.toMatchObject({ cause: { code: "40P01" } });
    expect(stuck.calls()).toBe(3);
  });

  it("never runs again after any other failure", async () => {
    const broken = failing("23505");
    await expect(retryTransientConflicts(broken.work)).rejects.toMatchObject({ cause: { code: "23505" } });
    expect(broken.calls()).toBe(1);
  });
});
