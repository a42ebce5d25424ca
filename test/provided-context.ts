// What the global setups hand to test files (`project.provide` there, `inject` in test/database.ts).
// Optional because each project provides only its own key.
declare module "vitest" {
  export interface ProvidedContext {
    /** Paths of PGlite data-directory dumps: before and after migrating. */
    pgliteDumps?: { empty: string; migrated: string };
    /** The server's connection URL (TEST_DATABASE_URL) and this run's migrated template database. */
    postgres?: { adminUrl: string; template: string };
  }
}

export {};
