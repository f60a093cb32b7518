/**
 * `npx tsx --conditions=react-server scripts/bench/workspace-reads.ts [runs]`: the reads behind
 * the workspace page, in process, on the bench's data (scripts/bench/seed.ts) in a throwaway
 * SQLite database: for the typical 8-claim article and the 1,000-claim one, how many SQL
 * statements each read sends and its median time over `runs` (default 30), after two warm-up
 * runs (wall time, and this process's CPU time, which other work on the machine disturbs less).
 * Prisma 6.19 compiles every query it is given (decision 0014), so the count of statements
 * is most of a page's database cost; this says where they come from. Last, the live patch's read
 * of one named claim (readWorkspaceRows, decision 0022), with its markers remembered and worked
 * out afresh (the team's index version moved before each run, outside the time taken).
 */
import { listMatchMarkers } from "../../lib/claims/matching/queries";
import { getWorkspace } from "../../lib/claims/queries";
import { readWorkspaceRows } from "../../lib/claims/workspace-rows";
import { OPTIMIZE_PRAGMA } from "../../lib/config/planner-statistics";
import { createPrismaClient } from "../../lib/config/prisma-client";
import { readLiveHead } from "../../lib/live/changes";
import { loadClaimTraceSummaries } from "../../lib/sources/map-queries";
import { listAssignableMembers } from "../../lib/verification/assignment";
import { createThrowawayDatabase } from "../lib/throwaway-database";
import { seedBench } from "./seed";
import { percentile } from "./stats";

const runs = Number(process.argv[2] ?? 30);

async function main() {
  const database = await createThrowawayDatabase("sqlite", { name: "factdesk_workspace_reads" });
  const db = createPrismaClient(database.url, { logQueries: true });
  let statements = 0;
  (db as unknown as { $on: (event: "query", listener: () => void) => void }).$on("query", () => (statements += 1));
  try {
    const data = await seedBench(db);
    // As the server does when it opens the seeded database (decision 0029): without statistics
    // SQLite reads an article's citations through the team's index.
    await db.$executeRawUnsafe(OPTIMIZE_PRAGMA);
    const team = await db.team.findFirstOrThrow({ where: { slug: data.slug }, select: { id: true } });
    for (const [label, articleId] of [["typical (8 claims)", data.smallArticleId], ["heavy (1,000 claims)", data.heavyArticleId]] as const) {
      // The page passes what it has read to the traces (as page.tsx does).
      const workspace = await getWorkspace(db, team.id, articleId);
      // The first claim in article order: one the markers cover (decision 0023).
      const named = await db.claim.findFirstOrThrow({ where: { articleId, deletedAt: null }, orderBy: [{ start: "asc" }, { id: "asc" }], select: { id: true } });
      const moveIndex = () => db.claimMatchTotal.update({ where: { teamId: team.id }, data: { version: { increment: 1 } } });
      const reads: [string, () => Promise<unknown>, (() => Promise<unknown>)?][] = [
        ["readLiveHead", () => readLiveHead(db, team.id)],
        ["getWorkspace", () => getWorkspace(db, team.id, articleId)],
        ["loadClaimTraceSummaries", () => loadClaimTraceSummaries(db, team.id, articleId)],
        ["… given the workspace", () => loadClaimTraceSummaries(db, team.id, articleId, { of: "article", rows: workspace!.claims }, workspace!.article)],
        ["listAssignableMembers", () => listAssignableMembers(db, team.id)],
        ["listMatchMarkers", () => listMatchMarkers(db, team.id, articleId)],
        ["readWorkspaceRows (1)", () => readWorkspaceRows(db, team.id, articleId, [named.id])],
        ["… markers worked out", () => readWorkspaceRows(db, team.id, articleId, [named.id]), moveIndex],
      ];
      console.log(`\n${label}`);
      for (const [name, read, prepare] of reads) {
        await read();
        await read();
        let before = statements;
        const times: number[] = [];
        const cpu: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          if (prepare) {
            const counted = statements;
            await prepare();
            before += statements - counted;
          }
          const started = performance.now();
          const usage = process.cpuUsage();
          await read();
          const used = process.cpuUsage(usage);
          times.push(performance.now() - started);
          cpu.push((used.user + used.system) / 1000);
        }
        const count = (statements - before) / runs;
        console.log(`${name.padEnd(26)} ${count.toFixed(1).padStart(5)} statements  wall p50 ${percentile(times, 50).toFixed(2).padStart(7)} ms  CPU p50 ${percentile(cpu, 50).toFixed(2).padStart(7)} ms`);
      }
    }
  } finally {
    await db.$disconnect();
    await database.remove();
  }
}

void main();
