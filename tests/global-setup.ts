import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../scripts/lib/migrate";
import { startCluster } from "../scripts/lib/postgres-cluster";

/** Where each test file's database comes from (tests/test-db.ts makes one per file). */
export type TestDatabaseSource =
  | { kind: "sqlite"; template: string }
  | { kind: "postgresql"; adminUrl: string; template: string };

export const TEMPLATE_DATABASE = "factdesk_template";

/**
 * Migrates one template database per test run; every test file copies it, so tests never touch
 * the demo database or each other's data. TEST_DATABASE=postgresql (`npm run test:pg`) runs the
 * suite on PostgreSQL: a server of the run's own (scripts/lib/postgres-cluster.ts), or the one
 * TEST_POSTGRES_URL names (a superuser URL; the run creates and drops databases there).
 */
export default async function setup(project: TestProject) {
  const kind = process.env.TEST_DATABASE ?? "sqlite";
  if (kind === "postgresql") {
    const cluster = process.env.TEST_POSTGRES_URL ? null : await startCluster();
    const adminUrl = process.env.TEST_POSTGRES_URL ?? cluster!.url("postgres");
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}"`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
    await applyMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));
    project.provide("testDatabase", { kind: "postgresql", adminUrl, template: TEMPLATE_DATABASE });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}"`).catch(() => undefined);
      await admin.end();
      cluster?.stop();
    };
  }
  if (kind !== "sqlite") throw new Error(`TEST_DATABASE must be sqlite or postgresql, not "${kind}"`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-test-"));
  const template = path.join(dir, "template.db");
  await applyMigrations(`file:${template}`);
  project.provide("testDatabase", { kind: "sqlite", template });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}
