/**
 * Starts the production build on a fresh, migrated and seeded database for the e2e run (a SQLite
 * file it makes afresh, or the empty PostgreSQL database E2E_DATABASE_URL names, with
 * E2E_SERVER_PROCESSES server processes: `npm run test:e2e:pg`), next to
 * the services the optional features talk to: an OpenID Connect provider (single sign-on) and an
 * SMTP sink (mailed invitations), and a site of pages to cite (capture), all on loopback ports
 * derived from E2E_PORT (see services.ts).
 * Playwright runs this as its webServer and stops it afterwards; everything stops with it.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { resolveSqlitePath } from "../../lib/config/database-url";
import { appServerArgs } from "../../scripts/lib/app-server";
import { migrateDatabase } from "../../scripts/lib/migrate";
import { E2E_BASE_URL, E2E_DATABASE_KIND, E2E_DATABASE_URL, E2E_PORT, E2E_SECRET, E2E_SERVER_PROCESSES } from "./constants";
import { startOidcProvider } from "./oidc-provider";
import {
  MAIL_DIR,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_ISSUER,
  OIDC_NAME,
  OIDC_PORT,
  OIDC_REDIRECT_URI,
  SMTP_FROM,
  SMTP_PORT,
  SMTP_URL,
  SOURCE_SITE_PORT,
  E2E_PARSE_TIMEOUT_S,
} from "./services";
import { startSourceSite } from "./source-site";
import { startSmtpSink } from "./smtp-sink";

if (E2E_DATABASE_KIND === "sqlite") {
  const file = resolveSqlitePath(E2E_DATABASE_URL);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: E2E_DATABASE_URL,
  NEXTAUTH_SECRET: E2E_SECRET,
  NEXTAUTH_URL: E2E_BASE_URL,
  SERVER_PROCESSES: String(E2E_SERVER_PROCESSES),
  OIDC_ISSUER,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_NAME,
  SMTP_URL,
  SMTP_FROM,
  // The cited pages are served on loopback, on a port of their own, which capture refuses unless told otherwise.
  CAPTURE_ALLOW_PRIVATE: "1",
  CAPTURE_ALLOWED_PORTS: `80,443,${SOURCE_SITE_PORT}`,
  PARSE_TIMEOUT_MS: String(E2E_PARSE_TIMEOUT_S * 1000),
};
migrateDatabase(E2E_DATABASE_URL, { quiet: true });
execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "prisma/seed.ts"], { env, stdio: "inherit" });

const services = await Promise.all([
  startOidcProvider({ issuer: OIDC_ISSUER, port: OIDC_PORT, clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET, redirectUri: OIDC_REDIRECT_URI }),
  startSmtpSink({ port: SMTP_PORT, dir: MAIL_DIR }),
  startSourceSite({ port: SOURCE_SITE_PORT }),
]);
console.log(`e2e services: OIDC provider ${OIDC_ISSUER}, SMTP sink 127.0.0.1:${SMTP_PORT} -> ${path.relative(process.cwd(), MAIL_DIR)}`);

const server = spawn(process.execPath, appServerArgs({ port: E2E_PORT }), {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  setTimeout(() => process.exit(code ?? 0), 3_000);
  void Promise.allSettled(services.map((service) => service.close())).finally(() => process.exit(code ?? 0));
});
