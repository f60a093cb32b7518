/**
 * `npm run bench`: seeds a large team on a fresh database, serves the production build (built
 * first when missing or older than the sources; `--build` forces a build, `--no-build` never
 * builds), measures what editors wait for, prints a table and writes bench/results.json.
 * Everything runs on loopback; the server and the database are removed afterwards.
 *
 * `--db postgresql` benches on PostgreSQL: a database of its own on the server BENCH_POSTGRES_URL
 * names, or on a throwaway server (fsync on, as in production). `--processes N` serves with N
 * server processes (SERVER_PROCESSES). Other setups than SQLite with one process write
 * bench/results-<db>-<N>p.json.
 */
import path from "node:path";
import { createPrismaClient } from "../../lib/config/prisma-client";
import { createThrowawayDatabase, readDatabaseKind, readProcessCount } from "../lib/throwaway-database";
import { formatTable, judge, writeResults, type Figures } from "./figures";
import { measureChangeSeen, measureStreamsHeld } from "./live";
import { measureFirstLoadJs } from "./first-load-js";
import { measureExports, measureStatusChanges, measureSuggestions, measureThroughputRatio, measureWorkspacePage, type Context } from "./measurements";
import { ARTICLE_COUNT, HEAVY, seedBench } from "./seed";
import { BENCH_PASSWORD } from "./seed-team";
import { prepareBuild } from "../lib/build";
import { startServer, type Server } from "./server";
import { signIn } from "./session";
import { countOf } from "../../lib/text/plural";

const WORKSPACE_ROUTE = "(app)/t/[team]/articles/[articleId]";
const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

/** Runs one measurement; a failure is reported and the others still run. */
async function collect(figures: Figures, failures: string[], name: string, measure: () => Promise<Figures> | Figures) {
  log(`${name}…`);
  try {
    Object.assign(figures, await measure());
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    log(`FAILED ${failures.at(-1)}`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const kind = readDatabaseKind(args);
  const processes = readProcessCount(args);
  const resultsFile = path.join("bench", kind === "sqlite" && processes === 1 ? "results.json" : `results-${kind}-${processes}p.json`);
  prepareBuild(args, log);
  const database = await createThrowawayDatabase(kind, { name: "factdesk_bench", serverUrl: process.env.BENCH_POSTGRES_URL, durable: true });
  log(`database: ${database.describe}`);
  const db = createPrismaClient(database.url);
  let server: Server | undefined;
  const figures: Figures = {};
  const failures: string[] = [];
  try {
    log(`seeding ${ARTICLE_COUNT} articles (one of ${HEAVY.words.toLocaleString("en")} words, ${HEAVY.claims.toLocaleString("en")} claims, ${(HEAVY.claims * HEAVY.hops).toLocaleString("en")} citations)…`);
    const data = await seedBench(db);
    log(`seeded: ${await db.claim.count()} claims, ${await db.citation.count()} citations, ${await db.claimEvent.count()} history rows`);
    server = await startServer(database.url, { processes });
    log(`server.ts on ${server.baseUrl} (pid ${server.process.pid}, ${processes} server process${processes > 1 ? "es" : ""})`);
    const cookies = new Map<string, string>();
    for (const person of [data.owner, ...data.editors]) cookies.set(person.email, await signIn(server.baseUrl, person.email, BENCH_PASSWORD));
    log(`signed in ${cookies.size} people`);
    const context: Context = { baseUrl: server.baseUrl, db, data, cookies, log };
    await collect(figures, failures, "workspace page", () => measureWorkspacePage(context, 30));
    await collect(figures, failures, "throughput beside /api/health", () => measureThroughputRatio(context, { page: 15, baseline: 10 }));
    await collect(figures, failures, "status changes", () => measureStatusChanges(context, { alone: 30, each: 12 }));
    await collect(figures, failures, "live updates, change seen", () => measureChangeSeen(context, 20));
    await collect(figures, failures, "live updates, streams held", () => measureStreamsHeld(context, { pid: server!.process.pid!, count: 200, seconds: 60 }));
    await collect(figures, failures, "exports, 500 claims", () => measureExports(context, { articleId: data.reportArticleId, label: " (500 claims)", runs: 3 }));
    await collect(figures, failures, "exports, 1,000 claims", () => measureExports(context, { articleId: data.heavyArticleId, label: "", runs: 3 }));
    await collect(figures, failures, "claim suggestion", () => measureSuggestions(context, 5));
    await collect(figures, failures, "first-load JavaScript", () => {
      const { files, gzipBytes } = measureFirstLoadJs(WORKSPACE_ROUTE);
      log(`first-load JS of /t/[team]/articles/[articleId]: ${files.length} files, ${gzipBytes} bytes gzipped`);
      return { "workspace first-load JS (gzip)": { value: Math.round(gzipBytes / 100) / 10, unit: "kB", target: 250, better: "lower" } };
    });
  } finally {
    await server?.stop();
    await db.$disconnect();
    await database.remove();
  }
  writeResults(resultsFile, figures);
  console.log(`\n${formatTable(figures)}\n`);
  const missed = Object.values(figures).filter((figure) => judge(figure) !== "met").length;
  console.log(`${Object.keys(figures).length - missed} of ${Object.keys(figures).length} targets met on ${kind} with ${processes} server process${processes > 1 ? "es" : ""}; figures in ${resultsFile}`);
  if (failures.length > 0) {
    console.error(`\n${countOf(failures.length, "measurement")} failed:\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
