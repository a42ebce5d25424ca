import { availableParallelism } from "node:os";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// The postgres project runs only when a server is given, e.g.
// TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run
const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/** Both projects run the same files; test/database.ts opens the engine named by ROLLCALL_TEST_DB. */
function databaseProject(kind: "pglite" | "postgres"): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: kind,
      // DATABASE_URL is blanked so code under test can only reach the database setUpTestDatabase() opens.
      env: { ROLLCALL_TEST_DB: kind, DATABASE_URL: "" },
      globalSetup: [`test/global-setup-${kind}.ts`],
    },
  };
}

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", ".next/**"],
    pool: "forks",
    // Database tests on 2 busy cores: a migrated PGlite alone can take seconds to open under load.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file has a database of its own, so files run in parallel. Tests wait on PGlite/Postgres as
    // much as on the CPU: on 2 cores, 2 workers measured 38 s against 50 s for the default (cores - 1).
    fileParallelism: true,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [databaseProject("pglite"), ...(testDatabaseUrl ? [databaseProject("postgres")] : [])],
  },
});
