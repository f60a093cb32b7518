/**
 * `npm run db:check` (CI runs it beside lint): the schema files and the two migration histories
 * agree. Fails when
 * - prisma/postgresql/schema.prisma is not what `npm run db:derive` writes from prisma/schema.prisma;
 * - prisma/schema.prisma has changes that no migration covers (it differs from prisma/migrated.prisma);
 * - the two histories do not hold the same migrations;
 * - a SQLite migration rebuilds a searched table without rebuilding its full-text index (scripts/db/search-objects.ts).
 * That each history builds exactly prisma/migrated.prisma is tested on each database by
 * prisma/migration-history.test.ts.
 */
import fs from "node:fs";
import { MIGRATIONS_FOLDER, readMigrations } from "../lib/migrate";
import { diffSchemas } from "./prisma-diff";
import { findUnkeptSearchIndexes } from "./search-objects";
import { derivePostgresSchema, MIGRATED_SCHEMA, POSTGRES_SCHEMA, readText, SQLITE_SCHEMA } from "./schemas";

const problems: string[] = [];
const schema = readText(SQLITE_SCHEMA);
if (!fs.existsSync(POSTGRES_SCHEMA) || readText(POSTGRES_SCHEMA) !== derivePostgresSchema(schema)) {
  problems.push(`${POSTGRES_SCHEMA} is not derived from ${SQLITE_SCHEMA}: run \`npm run db:derive\` and commit the result.`);
}
if (diffSchemas(readText(MIGRATED_SCHEMA), schema) !== null) {
  problems.push(`${SQLITE_SCHEMA} has changes that no migration covers: run \`npm run db:migration -- <name>\` and commit both migrations.`);
}
const folders = (kind: keyof typeof MIGRATIONS_FOLDER) =>
  fs.readdirSync(MIGRATIONS_FOLDER[kind], { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const sqlite = folders("sqlite");
const postgres = folders("postgresql");
for (const name of sqlite.filter((folder) => !postgres.includes(folder))) problems.push(`Migration ${name} has no PostgreSQL counterpart in ${MIGRATIONS_FOLDER.postgresql}.`);
for (const name of postgres.filter((folder) => !sqlite.includes(folder))) problems.push(`Migration ${name} has no SQLite counterpart in ${MIGRATIONS_FOLDER.sqlite}.`);
problems.push(...findUnkeptSearchIndexes(readMigrations("sqlite")));

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`Schemas and migrations agree (${sqlite.length} migrations on each database).`);
