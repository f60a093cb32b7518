import path from "node:path";
import { databaseKind } from "../../lib/config/database-url";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
/**
 * The e2e server's own database, made fresh for every run (never the demo database): a SQLite
 * file, or the fresh PostgreSQL database `npm run test:e2e:pg` makes and names here
 * (scripts/e2e-postgresql.ts).
 */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:${path.resolve(`e2e/.artifacts/e2e-${E2E_PORT}.db`)}`;
export const E2E_DATABASE_KIND = databaseKind(E2E_DATABASE_URL);
/** Server processes of the e2e server (SERVER_PROCESSES; more than one on PostgreSQL only). */
export const E2E_SERVER_PROCESSES = Number(process.env.E2E_SERVER_PROCESSES ?? 1);
export const E2E_SECRET = "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";
