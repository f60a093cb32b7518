/**
 * `npm run db:derive`: writes prisma/postgresql/schema.prisma from prisma/schema.prisma.
 * `npm run db:derive -- --check`: fails when the committed copy differs (CI runs it).
 */
import fs from "node:fs";
import { derivePostgresSchema, POSTGRES_SCHEMA, readText, SQLITE_SCHEMA } from "./schemas";

const derived = derivePostgresSchema(readText(SQLITE_SCHEMA));
const current = fs.existsSync(POSTGRES_SCHEMA) ? readText(POSTGRES_SCHEMA) : null;
if (process.argv.includes("--check")) {
  if (current !== derived) {
    console.error(`${POSTGRES_SCHEMA} is not derived from ${SQLITE_SCHEMA}: run \`npm run db:derive\` and commit the result.`);
    process.exit(1);
  }
} else if (current !== derived) {
  fs.writeFileSync(POSTGRES_SCHEMA, derived);
  console.log(`Wrote ${POSTGRES_SCHEMA}.`);
}
