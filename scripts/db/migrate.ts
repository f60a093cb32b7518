/**
 * `npm run db:migrate`: applies the committed migrations to DATABASE_URL (SQLite or PostgreSQL).
 * `npm run setup` does the same after writing .env.local; scripts/lib/migrate.ts does the work.
 */
import { loadLocalEnv } from "../../lib/config/load-env";
import { migrateOrExit } from "../lib/migrate";

loadLocalEnv();
await migrateOrExit(process.env.DATABASE_URL!);
