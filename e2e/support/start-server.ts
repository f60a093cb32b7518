/**
 * Starts the production build on a fresh, migrated and seeded database for the e2e run.
 * Playwright runs this as its webServer and stops it afterwards.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { resolveSqlitePath } from "../../lib/config/database-url";
import { migrateDatabase } from "../../scripts/lib/migrate";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_PORT, E2E_SECRET } from "./constants";

const file = resolveSqlitePath(E2E_DATABASE_URL);
fs.mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });

const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: E2E_DATABASE_URL,
  NEXTAUTH_SECRET: E2E_SECRET,
  NEXTAUTH_URL: E2E_BASE_URL,
};
migrateDatabase(E2E_DATABASE_URL, { quiet: true });
execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "prisma/seed.ts"], { env, stdio: "inherit" });

const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(E2E_PORT)], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
