/**
 * `npx tsx --conditions=react-server scripts/bench/matching.ts [claims]`: "checked before" at scale.
 * Seeds (once per database: a team named after the count is reused) a team with `claims` judged
 * claims (scripts/bench/matching-seed.ts) and another team holding the same planted claims, then
 * times findCheckedBefore for the 10 paraphrases (3 rounds), checking each finds its planted claim
 * and nothing of the other team, and times the write path: a claim's creation and its verdict
 * (which files it in the index). The database is BENCH_DATABASE_URL (default: a SQLite file under
 * the system's temporary folder), migrated first. Besides wall times it prints this process's CPU
 * per search (on SQLite the database's work too), and with BENCH_POSTGRES_PID a local PostgreSQL
 * server's: on a shared machine they say what a search costs when the wall times say how busy the
 * machine was. --seed-only seeds and stops; --no-writes skips the write timings.
 * docs/decisions/0023-checked-before.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { saveImport } from "../../lib/articles/mutations";
import { saveImportSchema } from "../../lib/articles/schema";
import { addCitation } from "../../lib/citations/mutations";
import { addCitationSchema } from "../../lib/citations/schema";
import { findCheckedBefore } from "../../lib/claims/matching/queries";
import { PLANTED, QUERIES } from "../../lib/claims/matching/scale-claims";
import { createClaim } from "../../lib/claims/mutations";
import { createPrismaClient, dialectOf, type Db } from "../../lib/config/prisma-client";
import { createTeam } from "../../lib/teams/mutations";
import { giveVerdict } from "../../lib/verification/mutations";
import { applyMigrations } from "../lib/migrate";
import { seedMatchingTeam } from "./matching-seed";
import { percentile } from "./stats";

const count = Number(process.argv[2] ?? 100_000);
const url = process.env.BENCH_DATABASE_URL ?? `file:${path.join(os.tmpdir(), `factdesk-matching-bench-${count}.db`)}`;

function describe(times: number[]): string {
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${times.length})`;
}

async function seedOnce(db: Db) {
  const name = `Matching bench ${count}`;
  const marker = await db.team.findFirst({ where: { name }, select: { id: true } });
  const user = marker
    ? await db.user.findFirstOrThrow({ where: { email: "matching-bench@example.test" } })
    : await db.user.create({ data: { name: "Bench editor", email: "matching-bench@example.test" } });
  if (marker) {
    const queryClaims = await db.claim.findMany({ where: { teamId: marker.id, verdict: null, statement: { in: QUERIES } }, select: { id: true, statement: true } });
    const planted = await db.claim.findMany({ where: { teamId: marker.id, verdict: { not: null }, statement: { in: PLANTED } }, select: { id: true, statement: true } });
    const other = await db.team.findFirstOrThrow({ where: { name: `${name} (other)` }, select: { id: true } });
    const theirs = await db.claim.findMany({ where: { teamId: other.id }, select: { id: true } });
    return {
      teamId: marker.id, userId: user.id,
      queryClaimIds: QUERIES.map((query) => queryClaims.find((claim) => claim.statement === query)!.id),
      plantedClaimIds: PLANTED.map((statement) => planted.find((claim) => claim.statement === statement)!.id),
      otherClaimIds: theirs.map((claim) => claim.id),
    };
  }
  const started = performance.now();
  const ours = await createTeam(db, { name, userId: user.id });
  const seeded = await seedMatchingTeam(db, { teamId: ours.id, userId: user.id, count, planted: PLANTED, queries: QUERIES });
  const theirs = await createTeam(db, { name: `${name} (other)`, userId: user.id });
  const other = await seedMatchingTeam(db, { teamId: theirs.id, userId: user.id, count: 0, planted: PLANTED, queries: [] });
  if (dialectOf(db) === "postgresql") await db.$executeRawUnsafe("ANALYZE");
  console.log(`seeded ${count} judged claims in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { teamId: ours.id, userId: user.id, queryClaimIds: seeded.queryClaimIds, plantedClaimIds: seeded.plantedClaimIds, otherClaimIds: other.plantedClaimIds };
}

/**
 * CPU milliseconds used so far by a local PostgreSQL server's processes (the children of the
 * postmaster whose pid BENCH_POSTGRES_PID gives: its first line of postmaster.pid), or null.
 */
function readServerCpu(): number | null {
  const postmaster = process.env.BENCH_POSTGRES_PID;
  if (!postmaster || !fs.existsSync("/proc")) return null;
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      // After the name: state (0), ppid (1), ... utime (11), stime (12), in clock ticks (100 a second).
      if (fields[1] === postmaster || pid === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks * 10;
}

async function timeSearches(db: Db, seeded: Awaited<ReturnType<typeof seedOnce>>) {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let serverCpu = 0;
  let wrong = 0;
  for (let round = 0; round < 3; round++) {
    for (const [index, claimId] of seeded.queryClaimIds.entries()) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const server = (round > 0 || index > 0) && dialectOf(db) === "postgresql" ? readServerCpu() : null;
      const result = await findCheckedBefore(db, seeded.teamId, claimId);
      if (server !== null) serverCpu += readServerCpu()! - server;
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      if (result.priorChecks[0]?.claimId !== seeded.plantedClaimIds[index]) wrong++;
      if (result.priorChecks.some((check) => seeded.otherClaimIds.includes(check.claimId))) throw new Error("Another team's claim was matched");
    }
  }
  // The first call of a process loads the word vectors and catches up the index: shown apart.
  console.log(`findCheckedBefore over ${count} claims on ${dialectOf(db)}: first ${times[0].toFixed(1)} ms; then ${describe(times.slice(1))}; ${wrong} of ${times.length} not found first`);
  // This process's own CPU per search (not the database server's): less swayed by other load.
  const server = process.env.BENCH_POSTGRES_PID && dialectOf(db) === "postgresql" ? `; the server's CPU per search: mean ${(serverCpu / (times.length - 1)).toFixed(1)} ms` : "";
  console.log(`  this process's CPU per search: p50 ${percentile(cpuTimes.slice(1), 50).toFixed(1)} ms${server}; load average ${os.loadavg()[0].toFixed(1)}`);
}

/** A claim created and judged in a new article, 10 times: what an editor's write costs. */
async function timeWrites(db: Db, seeded: Awaited<ReturnType<typeof seedOnce>>) {
  const actor = { teamId: seeded.teamId, userId: seeded.userId };
  const sentences = Array.from({ length: 10 }, (_, i) => `Bench sentence ${i} says the ${["council", "ministry", "mayor", "union", "court"][i % 5]} spent ${i + 2} million euros on roads in ${2000 + i}.`);
  const text = sentences.join(" ");
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: `Bench writes ${Date.now()}`, text, removedLines: [] }));
  const creates: number[] = [];
  const verdicts: number[] = [];
  for (const sentence of sentences) {
    const start = text.indexOf(sentence);
    let started = performance.now();
    const claim = await createClaim(db, actor, { articleId, start, end: start + sentence.length });
    creates.push(performance.now() - started);
    await addCitation(db, actor, addCitationSchema.parse({ claimId: claim.id, relation: "states", sourceName: "Bench source" }));
    const { revision } = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { revision: true } });
    started = performance.now();
    await giveVerdict(db, actor, { claimId: claim.id, revision, verdict: "false", rationale: "The bench gives this verdict to time the write." });
    verdicts.push(performance.now() - started);
  }
  console.log(`createClaim: ${describe(creates)}; giveVerdict (files the claim): ${describe(verdicts)}`);
}

async function main() {
  await applyMigrations(url);
  const db = createPrismaClient(url);
  try {
    const seeded = await seedOnce(db);
    if (process.argv.includes("--seed-only")) return;
    await timeSearches(db, seeded);
    if (!process.argv.includes("--no-writes")) await timeWrites(db, seeded);
  } finally {
    await db.$disconnect();
  }
}

await main();
