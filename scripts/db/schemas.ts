/**
 * The data model is written once, in prisma/schema.prisma (SQLite, the embedded default). The
 * PostgreSQL schema is derived from it: the same models, another provider and another client
 * folder. One generated client cannot serve both databases (its driver adapter is tied to the
 * provider), so each database has its own client; lib/config/prisma-client.ts picks one by
 * DATABASE_URL. See docs/decisions/0011-two-databases-one-schema.md.
 */
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");
/** The data model the committed migrations produce (both histories): written by `npm run db:migration`. */
export const MIGRATED_SCHEMA = path.join("prisma", "migrated.prisma");

export const SQLITE_MIGRATIONS = path.join("prisma", "migrations");
export const POSTGRES_MIGRATIONS = path.join("prisma", "postgresql", "migrations");

const GENERATED_NOTICE = `// GENERATED from prisma/schema.prisma by \`npm run db:derive\`: do not edit (CI fails on a drifted copy).
// Edit prisma/schema.prisma, then run \`npm run db:derive\` (or \`npm run db:migration -- <name>\`).
`;

/** Replaces the one line `key = ...` inside the named block, failing loudly if it is not there. */
function replaceInBlock(schema: string, block: string, key: string, value: string): string {
  const blockPattern = new RegExp(`(${block}\\s*\\{[^}]*?\\n\\s*${key}\\s*=\\s*)([^\\n]+)`);
  if (!blockPattern.test(schema)) throw new Error(`prisma/schema.prisma: no "${key}" in the "${block}" block`);
  return schema.replace(blockPattern, (_, head: string) => `${head}${value}`);
}

/** The PostgreSQL schema for a SQLite schema's text. */
export function derivePostgresSchema(sqliteSchema: string): string {
  let schema = replaceInBlock(sqliteSchema, "datasource db", "provider", `"postgresql"`);
  schema = replaceInBlock(schema, "generator client", "output", `"../../lib/generated/prisma-postgresql"`);
  return GENERATED_NOTICE + schema;
}

export function readText(file: string): string {
  return fs.readFileSync(file, "utf8");
}
