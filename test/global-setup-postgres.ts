import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from "./postgres-server";
import "./provided-context";

/** Migrates one template database per run; each test file then clones it (see test/database.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("The postgres test project needs TEST_DATABASE_URL");

  const template = uniqueDatabaseName("tmpl");
  await createDatabase(adminUrl, template, "template0");
  try {
    const database = openDatabase({ url: databaseUrl(adminUrl, template) }, { max: 1 });
    try {
      await migrateDatabase(database);
    } finally {
      // CREATE DATABASE … TEMPLATE refuses a template that still has connections.
      await database.close();
    }
  } catch (error) {
    await dropDatabase(adminUrl, template);
    throw error;
  }

  project.provide("postgres", { adminUrl, template });
  return () => dropDatabase(adminUrl, template);
}
