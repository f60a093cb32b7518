/**
 * `npm run db:migration -- <name>`: writes the migration of both databases for what changed in
 * prisma/schema.prisma since the last migration (prisma/migrated.prisma), with one name and one
 * timestamp: prisma/migrations/<stamp>_<name>/migration.sql (SQLite) and
 * prisma/postgresql/migrations/<stamp>_<name>/migration.sql (PostgreSQL). It also derives the
 * PostgreSQL schema and records the new model in prisma/migrated.prisma. Data changes (an UPDATE
 * that fills a new column) are added by hand to both files, each in its own dialect.
 */
import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "../lib/migrate";
import { diffSchemas } from "./prisma-diff";
import { derivePostgresSchema, MIGRATED_SCHEMA, POSTGRES_SCHEMA, readText, SQLITE_SCHEMA } from "./schemas";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower case, digits and _ only, e.g. add_claim_priority)");
  process.exit(1);
}

const schema = readText(SQLITE_SCHEMA);
const migrated = readText(MIGRATED_SCHEMA);
const sqlite = diffSchemas(migrated, schema);
if (sqlite === null) {
  console.log(`${SQLITE_SCHEMA} has no change since the last migration: nothing to write.`);
  process.exit(0);
}
const postgres = diffSchemas(derivePostgresSchema(migrated), derivePostgresSchema(schema));
if (postgres === null) throw new Error("The SQLite schema changed but its PostgreSQL form did not: a bug in scripts/db/schemas.ts.");

// Migrations apply in the order of their names: a new one must sort after every committed one,
// even one whose stamp lies ahead of this machine's clock.
const last = fs.readdirSync(MIGRATIONS_FOLDER.sqlite).filter((entry) => /^\d{14}_/.test(entry)).sort().at(-1)?.slice(0, 14) ?? "0";
const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const stamp = now > last ? now : String(BigInt(last) + 100n);
const folder = `${stamp}_${name}`;
for (const [kind, sql] of [["sqlite", sqlite], ["postgresql", postgres]] as const) {
  const dir = path.join(MIGRATIONS_FOLDER[kind], folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${path.join(dir, "migration.sql")}`);
}
fs.writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(schema));
fs.writeFileSync(MIGRATED_SCHEMA, schema);
console.log(`Updated ${POSTGRES_SCHEMA} and ${MIGRATED_SCHEMA}. Read both scripts, add any data changes to each, then run \`npm run db:migrate\`.`);
