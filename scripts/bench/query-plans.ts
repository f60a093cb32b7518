/**
 * `npx tsx --conditions=react-server scripts/bench/query-plans.ts [claims]`: SQLite's plan for
 * each statement of the hot team-scoped reads (a claim's "checked before", the workspace of one
 * article with its trace summaries and match markers, the article list) on the matching bench's
 * database (scripts/bench/matching.ts seeds it; BENCH_DATABASE_URL or the same temporary file).
 * The statements are captured by running the reads on a copy, so the database is planned as it
 * stands: with the statistics it has, or none (docs/decisions/0029-sqlite-planner-statistics.md).
 * Each statement is then run alone (median of 5, in milliseconds). A plan that scans `Claim` or
 * searches it by `teamId` alone reads the whole team's claims.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { listArticlesWithProgress } from "../../lib/articles/list";
import { findCheckedBefore, listMatchMarkers } from "../../lib/claims/matching/queries";
import { QUERIES } from "../../lib/claims/matching/scale-claims";
import { getWorkspace } from "../../lib/claims/queries";
import { createPrismaClient } from "../../lib/config/prisma-client";
import { resolveSqlitePath } from "../../lib/config/database-url";
import { loadClaimTraceSummaries } from "../../lib/sources/map-queries";
import { percentile } from "./stats";

const count = Number(process.argv[2] ?? 100_000);
const url = process.env.BENCH_DATABASE_URL ?? `file:${path.join(os.tmpdir(), `factdesk-matching-bench-${count}.db`)}`;
const file = resolveSqlitePath(url);

type Captured = { read: string; sql: string; params: unknown[] };

async function captureStatements(): Promise<Captured[]> {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-plans-")), "copy.db");
  const source = new Database(file, { readonly: true });
  await source.backup(copy);
  source.close();
  const db = createPrismaClient(`file:${copy}`, { logQueries: true });
  const captured: Captured[] = [];
  let read = "(setup)";
  (db as unknown as { $on: (event: "query", listener: (event: { query: string; params: string }) => void) => void }).$on("query", (event) => {
    if (/^\s*(SELECT|WITH)\b/i.test(event.query)) captured.push({ read, sql: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  try {
    const team = await db.team.findFirstOrThrow({ where: { name: `Matching bench ${count}` }, select: { id: true } });
    const query = await db.claim.findFirstOrThrow({ where: { teamId: team.id, statement: QUERIES[0] }, select: { id: true, articleId: true } });
    const judged = await db.claim.findFirstOrThrow({ where: { teamId: team.id, verdict: { not: null } }, orderBy: { id: "asc" }, select: { articleId: true } });
    const reads: [string, () => Promise<unknown>][] = [
      ["findCheckedBefore", () => findCheckedBefore(db, team.id, query.id)],
      ["getWorkspace (100 judged claims)", () => getWorkspace(db, team.id, judged.articleId)],
      ["loadClaimTraceSummaries", () => loadClaimTraceSummaries(db, team.id, judged.articleId)],
      ["listMatchMarkers", () => listMatchMarkers(db, team.id, query.articleId)],
      ["listArticlesWithProgress", () => listArticlesWithProgress(db, team.id)],
    ];
    for (const [name, run] of reads) {
      read = name;
      await run();
    }
  } finally {
    await db.$disconnect();
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  }
  return captured;
}

const statements = await captureStatements();
const sqlite = new Database(file, { readonly: true });
const hasStatistics = Boolean(sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get()) && (sqlite.prepare(`SELECT count(*) AS n FROM sqlite_stat1`).get() as { n: number }).n > 0;
console.log(`${file}: ${hasStatistics ? "with" : "without"} sqlite_stat1 statistics`);
const seen = new Set<string>();
for (const { read, sql, params } of statements) {
  const key = sql.replace(/\?(, \?)*/g, "?");
  if (seen.has(key)) continue;
  seen.add(key);
  const values = params.map((value) => (typeof value === "boolean" ? Number(value) : value));
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as { detail: string }[];
  // The statement alone, run directly: the median of 5 runs after one warm-up.
  const statement = sqlite.prepare(sql);
  const times = Array.from({ length: 6 }, () => {
    const started = performance.now();
    statement.all(...values);
    return performance.now() - started;
  }).slice(1);
  console.log(`\n[${read}] ${percentile(times, 50).toFixed(2)} ms: ${sql.length > 220 ? `${sql.slice(0, 220)}…` : sql}`);
  for (const { detail } of plan) console.log(`    ${detail}`);
}
sqlite.close();
