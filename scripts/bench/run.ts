/**
 * `npm run bench`: seeds a large team on a fresh database, serves the production build (built
 * first when missing or older than the sources; `--build` forces a build, `--no-build` never
 * builds), measures what editors wait for, prints a table and writes bench/results.json.
 * Everything runs on loopback; the server and the database are removed afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../../lib/config/prisma-client";
import { migrateDatabase } from "../lib/migrate";
import { formatTable, judge, writeResults, type Figures } from "./figures";
import { measureFirstLoadJs } from "./first-load-js";
import { measureExports, measureStatusChanges, measureSuggestions, measureThroughputRatio, measureWorkspacePage, type Context } from "./measurements";
import { ARTICLE_COUNT, HEAVY, seedBench } from "./seed";
import { BENCH_PASSWORD } from "./seed-team";
import { buildApp, isBuildStale, startServer, type Server } from "./server";
import { signIn } from "./session";

const RESULTS_FILE = path.join("bench", "results.json");
const WORKSPACE_ROUTE = "(app)/t/[team]/articles/[articleId]";
const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

function prepareBuild(args: string[]) {
  const isStale = isBuildStale();
  if (args.includes("--no-build")) {
    if (isStale) log("warning: the build is missing or older than the sources (--no-build given)");
    return;
  }
  if (!args.includes("--build") && !isStale) return log("production build is up to date");
  log("building (next build)…");
  buildApp();
}

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
  prepareBuild(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-bench-"));
  const databaseFile = path.join(dir, "bench.db");
  const databaseUrl = `file:${databaseFile}`;
  const db = createPrismaClient(databaseUrl);
  let server: Server | undefined;
  const figures: Figures = {};
  const failures: string[] = [];
  try {
    migrateDatabase(databaseUrl, { quiet: true });
    log(`seeding ${ARTICLE_COUNT} articles (one of ${HEAVY.words.toLocaleString("en")} words, ${HEAVY.claims.toLocaleString("en")} claims, ${(HEAVY.claims * HEAVY.hops).toLocaleString("en")} citations)…`);
    const data = await seedBench(db);
    log(`seeded: ${await db.claim.count()} claims, ${await db.citation.count()} citations, ${await db.claimEvent.count()} history rows`);
    server = await startServer(databaseUrl);
    log(`next start on ${server.baseUrl} (pid ${server.process.pid})`);
    const cookies = new Map<string, string>();
    for (const person of [data.owner, ...data.editors]) cookies.set(person.email, await signIn(server.baseUrl, person.email, BENCH_PASSWORD));
    log(`signed in ${cookies.size} people`);
    const context: Context = { baseUrl: server.baseUrl, databaseFile, db, data, cookies, log };
    await collect(figures, failures, "workspace page", () => measureWorkspacePage(context, 30));
    await collect(figures, failures, "throughput beside /api/health", () => measureThroughputRatio(context, { page: 15, baseline: 10 }));
    await collect(figures, failures, "status changes", () => measureStatusChanges(context, { alone: 30, each: 12 }));
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
    fs.rmSync(dir, { recursive: true, force: true });
  }
  writeResults(RESULTS_FILE, figures);
  console.log(`\n${formatTable(figures)}\n`);
  const missed = Object.values(figures).filter((figure) => judge(figure) !== "met").length;
  console.log(`${Object.keys(figures).length - missed} of ${Object.keys(figures).length} targets met; figures in ${RESULTS_FILE}`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} measurement(s) failed:\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
