import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { resolveSqlitePath } from "../../lib/config/database-url";
import { enableWal } from "./sqlite";

/** Applies the committed migrations to the database at `databaseUrl` (made if missing). */
export function migrateDatabase(databaseUrl: string, options: { quiet?: boolean } = {}) {
  fs.mkdirSync(path.dirname(resolveSqlitePath(databaseUrl)), { recursive: true });
  execFileSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  enableWal(databaseUrl);
}
