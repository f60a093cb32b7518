/**
 * `npm run db:migrate`: applies the committed migrations to DATABASE_URL (SQLite or PostgreSQL).
 * `npm run setup` does the same after writing .env.local; scripts/lib/migrate.ts does the work.
 */
import { loadLocalEnv } from "../../lib/config/load-env";
import { applyMigrations, MigrationError } from "../lib/migrate";

loadLocalEnv();
try {
  await applyMigrations(process.env.DATABASE_URL!, { log: (line) => console.log(line) });
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(error.message);
  process.exit(1);
}
