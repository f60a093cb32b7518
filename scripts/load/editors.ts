/**
 * `npm run test:load`: N editors of one team work at once against the production build for a
 * while, then the database must hold exactly the changes the server accepted.
 *
 *   DURATION=60 EDITORS=50 ARTICLES=5 LOAD_PORT=3700 npm run test:load
 *
 * Needs a build (`npm run build`). Uses its own fresh database (data/load/editors.db) and port;
 * never the app's database. Exits 1 on any error or difference.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient } from "../../lib/config/prisma-client";
import { migrateDatabase } from "../lib/migrate";
import { readActionIds } from "./actions";
import { formatOutcome, runEditors } from "./editors-run";
import { seedLoadTeam } from "./seed";
import { startServer } from "./server";
import { signInEditors } from "./sign-in";
import { compareWithDatabase } from "./verify";

const durationSeconds = Number(process.env.DURATION ?? 60);
const editors = Number(process.env.EDITORS ?? 50);
const articles = Number(process.env.ARTICLES ?? 5);
const port = Number(process.env.LOAD_PORT ?? 3700);
const file = path.resolve("data/load/editors.db");
const databaseUrl = `file:${file}`;

fs.mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
const actionIds = readActionIds();
migrateDatabase(databaseUrl, { quiet: true });
const db = createPrismaClient(databaseUrl);
const team = await seedLoadTeam(db, { editors, articles, claimsPerArticle: Math.ceil(editors / articles) + 1 });
console.log(`seeded ${path.relative(process.cwd(), file)}: ${editors} editors, ${team.claims.length} claims in ${articles} articles`);

const server = await startServer({ port, databaseUrl });
const reader = new Database(file, { readonly: true });
const revisionQuery = reader.prepare<[string], { revision: number }>("SELECT revision FROM Claim WHERE id = ?");
let failed = true;
try {
  const sessions = await signInEditors(server.url, team);
  console.log(`${sessions.length} editors signed in; working for ${durationSeconds} s on ${server.url}`);
  const outcome = await runEditors({
    team,
    sessions,
    actionIds,
    durationMs: durationSeconds * 1000,
    readRevision: (claimId) => revisionQuery.get(claimId)!.revision,
  });
  const { counts, problems } = await compareWithDatabase(db, team, outcome);
  console.log(formatOutcome(outcome, editors));
  console.log(`in the database: ${Object.entries(counts).map(([key, count]) => `${key} ${count}`).join(", ")}`);
  for (const error of outcome.errors.slice(0, 20)) console.log(`ERROR ${error}`);
  for (const problem of problems.slice(0, 20)) console.log(`MISMATCH ${problem}`);
  failed = outcome.errors.length > 0 || problems.length > 0;
  console.log(failed ? "FAILED" : "OK: no errors, and every accepted change is in the database");
} finally {
  reader.close();
  await db.$disconnect();
  await server.stop();
  if (failed) console.log(`--- server output (last lines) ---\n${server.output().split("\n").slice(-40).join("\n")}`);
}
process.exit(failed ? 1 : 0);
