import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../scripts/lib/migrate";

/**
 * Migrates one template database per test run; every test file copies it (tests/test-db.ts),
 * so tests never touch the demo database or each other's data.
 */
export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-test-"));
  const template = path.join(dir, "template.db");
  migrateDatabase(`file:${template}`, { quiet: true });
  project.provide("templateDatabase", template);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
