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
      // DATABASE_URL is blanked so code under test can only reach the database useTestDatabase() opens.
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
    fileParallelism: true,
    projects: [databaseProject("pglite"), ...(testDatabaseUrl ? [databaseProject("postgres")] : [])],
  },
});
