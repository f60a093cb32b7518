/**
 * `npm run test:e2e:pg [-- <Playwright arguments>]`: the browser tests on PostgreSQL, served by two
 * server processes, as a newsroom deploys it. Makes a fresh database on a PostgreSQL server of its
 * own (or on the server E2E_POSTGRES_URL names; its user must be allowed to create databases),
 * runs Playwright with E2E_DATABASE_URL naming it, then drops it. E2E_SERVER_PROCESSES changes
 * the number of processes. Needs a build (`npm run build`), as `npm run test:e2e` does.
 *
 *   npm run test:e2e:pg                                  # the whole suite
 *   npm run test:e2e:pg -- e2e/verification.spec.ts      # some specs
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createThrowawayDatabase } from "./lib/throwaway-database";

const database = await createThrowawayDatabase("postgresql", { name: "factdesk_e2e", serverUrl: process.env.E2E_POSTGRES_URL });
const processes = process.env.E2E_SERVER_PROCESSES ?? "2";
console.log(`e2e on ${database.describe}, ${processes} server processes`);
const playwright = spawn(process.execPath, [path.join("node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)], {
  env: { ...process.env, E2E_DATABASE_URL: database.url, E2E_SERVER_PROCESSES: processes },
  stdio: "inherit",
});
// Ctrl-C reaches Playwright too (one process group); wait for it to finish before dropping the database.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => playwright.kill(signal));
const code = await new Promise<number>((resolve) => playwright.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
await database.remove();
process.exit(code);
