/**
 * `npm run test:load`: N editors of one team work at once against the production build for a
 * while, then the database must hold exactly the changes the server accepted.
 *
 *   DURATION=60 EDITORS=50 ARTICLES=5 THINK_MS=0 LOAD_PORT=3700 npm run test:load [-- --db postgresql] [--processes 2]
 *
 * THINK_MS: each editor's mean pause before an action (exponential). 0, the default, is the
 * stress test: every editor sends the next request as soon as the last is answered, so the
 * latency measures the queue at the server's capacity. A pause models a desk of people.
 *
 * Needs a build (`npm run build`). Uses its own fresh database, never the app's: on SQLite
 * data/load/editors.db; on PostgreSQL a database of its own on the server BENCH_POSTGRES_URL
 * names, or on a throwaway server it starts (fsync on, as in production). `--processes N` serves
 * with N server processes (SERVER_PROCESSES; PostgreSQL only). Exits 1 on any error or difference.
 */
import path from "node:path";
import { createPrismaClient } from "../../lib/config/prisma-client";
import { createThrowawayDatabase, readDatabaseKind, readProcessCount } from "../lib/throwaway-database";
import { readActionIds } from "./actions";
import { formatOutcome, runEditors } from "./editors-run";
import { seedLoadTeam } from "./seed";
import { startServer } from "./server";
import { signInEditors } from "./sign-in";
import { compareWithDatabase } from "./verify";

const args = process.argv.slice(2);
const kind = readDatabaseKind(args);
const processes = readProcessCount(args);
const durationSeconds = Number(process.env.DURATION ?? 60);
const editors = Number(process.env.EDITORS ?? 50);
const articles = Number(process.env.ARTICLES ?? 5);
const port = Number(process.env.LOAD_PORT ?? 3700);
const thinkMs = Number(process.env.THINK_MS ?? 0);
if (!Number.isFinite(thinkMs) || thinkMs < 0) throw new Error(`THINK_MS must be a number of milliseconds, 0 or more (got "${process.env.THINK_MS}")`);

const actionIds = readActionIds();
const database = await createThrowawayDatabase(kind, {
  name: "factdesk_load",
  sqliteFile: path.resolve("data/load/editors.db"),
  serverUrl: process.env.BENCH_POSTGRES_URL,
  durable: true,
});
const db = createPrismaClient(database.url);
let failed = true;
try {
  const team = await seedLoadTeam(db, { editors, articles, claimsPerArticle: Math.ceil(editors / articles) + 1 });
  console.log(`seeded ${database.describe}: ${editors} editors, ${team.claims.length} claims in ${articles} articles`);
  const server = await startServer({ port, databaseUrl: database.url, processes });
  try {
    const sessions = await signInEditors(server.url, team);
    console.log(`${sessions.length} editors signed in; working for ${durationSeconds} s on ${server.url} (${processes} server process${processes > 1 ? "es" : ""})`);
    const outcome = await runEditors({
      team,
      sessions,
      actionIds,
      durationMs: durationSeconds * 1000,
      thinkMs,
      readRevision: async (claimId) => (await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true } })).revision,
    });
    const { counts, problems } = await compareWithDatabase(db, team, outcome);
    console.log(formatOutcome(outcome, editors, thinkMs));
    console.log(`in the database: ${Object.entries(counts).map(([key, count]) => `${key} ${count}`).join(", ")}`);
    for (const error of outcome.errors.slice(0, 20)) console.log(`ERROR ${error}`);
    for (const problem of problems.slice(0, 20)) console.log(`MISMATCH ${problem}`);
    failed = outcome.errors.length > 0 || problems.length > 0;
    console.log(failed ? "FAILED" : "OK: no errors, and every accepted change is in the database");
  } finally {
    await server.stop();
    if (failed) console.log(`--- server output (last lines) ---\n${server.output().split("\n").slice(-40).join("\n")}`);
  }
} finally {
  await db.$disconnect();
  // The SQLite file stays for a look afterwards (the next run replaces it); a PostgreSQL database goes.
  if (kind === "postgresql") await database.remove();
}
process.exit(failed ? 1 : 0);
