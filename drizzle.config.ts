import { defineConfig } from "drizzle-kit";

// `drizzle-kit generate` needs no database; migrations are applied by the app at startup.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
