/**
 * `npm run db:restore -- FILE [--to DATABASE_FILE]`: puts a backup from `npm run db:backup` in
 * place of the app's database (DATABASE_URL). Stop the app first: the restore refuses while
 * anything has the database open, and keeps the old file as `<name>.before-restore-<time>`.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreDatabase } from "../lib/config/backup";
import { resolveSqlitePath } from "../lib/config/database-url";
import { loadLocalEnv } from "../lib/config/load-env";

loadLocalEnv();
let parsed: { values: { to?: string }; positionals: string[] } | undefined;
try {
  parsed = parseArgs({ options: { to: { type: "string" } }, allowPositionals: true });
} catch {
  parsed = undefined;
}
if (!parsed || parsed.positionals.length !== 1) {
  console.error("usage: npm run db:restore -- BACKUP_FILE [--to DATABASE_FILE]");
  process.exit(2);
}
const [backup] = parsed.positionals;
const database = path.resolve(parsed.values.to ?? resolveSqlitePath(process.env.DATABASE_URL!));
try {
  const result = restoreDatabase(path.resolve(backup), database);
  console.log(`restored ${backup} to ${path.relative(process.cwd(), result.target)} (${result.migrations} migrations, ${result.bytes} bytes)`);
  console.log(`integrity_check: ${result.integrity}`);
  if (result.previous) console.log(`the database it replaced is kept as ${path.relative(process.cwd(), result.previous)}`);
} catch (error) {
  console.error(`restore failed: ${(error as Error).message}`);
  process.exit(1);
}
