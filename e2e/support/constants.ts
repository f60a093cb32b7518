import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
/** The e2e server's own database, made fresh for every run (never the demo database). */
export const E2E_DATABASE_URL = `file:${path.resolve(`e2e/.artifacts/e2e-${E2E_PORT}.db`)}`;
export const E2E_SECRET = "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";
