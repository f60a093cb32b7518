/**
 * `npm run setup`: prepares a machine to run the app on DATABASE_URL (the embedded SQLite file
 * unless .env.local or the environment names a PostgreSQL server).
 * Writes .env.local with a fresh session secret on first run (git-ignored), then applies the
 * committed migrations of that database, each in a transaction (scripts/lib/migrate.ts).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadLocalEnv } from "../lib/config/load-env";
import { migrateOrExit } from "./lib/migrate";

const envFile = path.join(process.cwd(), ".env.local");
if (!fs.existsSync(envFile)) {
  const lines = [
    "# Written by `npm run setup` on first run. Keep it out of git.",
    `NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`,
    "NEXTAUTH_URL=http://localhost:3000",
    "DATABASE_URL=file:./data/app.db",
    "",
  ];
  fs.writeFileSync(envFile, lines.join("\n"), { mode: 0o600 });
  console.log("Created .env.local with a new session secret.");
}
loadLocalEnv();
await migrateOrExit(process.env.DATABASE_URL!);
