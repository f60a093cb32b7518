/**
 * `npm run setup`: prepares a machine to run the app on its embedded database.
 * Writes .env.local with a fresh session secret on first run (git-ignored), then applies the
 * committed migrations.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadLocalEnv } from "../lib/config/load-env";
import { migrateDatabase } from "./lib/migrate";

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
migrateDatabase(process.env.DATABASE_URL!);
