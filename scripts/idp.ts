import { parseArgs } from "node:util";
import { formatSummary } from "../lib/idp-simulator/format-report";
import { isProfileName, profileNames } from "../lib/idp-simulator/profile-names";
import { runSimulation } from "../lib/idp-simulator/run-simulation";

const usage = `Replays what an IdP sends to a SCIM 2.0 server and reports what failed.

Usage: npm run idp -- --profile ${profileNames.join("|")} --base <url> --token <token>
                      [--users N] [--groups M] [--members K] [--domain D] [--json]

  --base      the directory's SCIM base URL, e.g. http://localhost:3000/scim/v2/<directoryId>
  --token     the directory's bearer token
  --users     users to provision (default 5)
  --groups    groups to push (default 2)
  --members   members per group (default min(users, 3))
  --domain    email domain of the users (default example.com); Rollcall only accepts
              a verified domain of the workspace, when it has any
  --json      print the report as JSON instead of one line per step`;

function whole(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      profile: { type: "string" },
      base: { type: "string" },
      token: { type: "string" },
      users: { type: "string" },
      groups: { type: "string" },
      members: { type: "string" },
      domain: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return undefined;
  const { profile, base, token } = values;
  if (!profile || !isProfileName(profile)) throw new Error(`--profile must be one of ${profileNames.join(", ")}`);
  if (!base) throw new Error("--base is required");
  if (!token) throw new Error("--token is required");
  return {
    profile,
    baseUrl: base,
    token,
    users: whole(values.users, "users"),
    groups: whole(values.groups, "groups"),
    members: whole(values.members, "members"),
    domain: values.domain,
    json: values.json,
  };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (!options) {
    console.log(usage);
    return 0;
  }

  const { json, ...simulation } = options;
  let report;
  try {
    report = await runSimulation({ ...simulation, log: json ? undefined : (line) => console.log(line) });
  } catch (error) {
    // Bad options (scale out of range, malformed URL): nothing was sent.
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  console.log(json ? JSON.stringify(report, null, 2) : `\n${formatSummary(report)}`);
  return report.failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
