import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { describe, expect, it } from "vitest";
import { dialectOf } from "@/lib/config/prisma-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createTeam } from "@/lib/teams/mutations";
import { VERDICTS } from "@/lib/verification/verdicts";
import { createTestUser, setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { timeCalls } from "@/tests/timing";
import { listSources } from "./queries";
import { getSourceTrackRecord, listTrackSummaries } from "./track-record-queries";

const db = setUpTestDatabase();

const SOURCES = 1_000;
const CLAIMS = 10_000;

/**
 * A team with 1,000 sources and 10,000 judged claims, each on a three-hop chain (outlet ← agency
 * ← document, the document marked as the origin on two claims in three), written straight into
 * the tables; and another team as large, which must cost nothing.
 */
async function seed() {
  const user = await createTestUser(db);
  const teams = [await createTeam(db, { name: "Scale", userId: user.id }), await createTeam(db, { name: "Scale other", userId: user.id })];
  for (const team of teams) {
    const teamId = team.id;
    const sources = Array.from({ length: SOURCES }, (_, n) => ({ id: randomUUID(), teamId, name: `Source ${n}`, nameKey: `source ${n}`, kind: "outlet" as const, createdById: user.id }));
    await db.source.createMany({ data: sources });
    const article = await db.article.create({ data: { teamId, title: "Scale article", createdById: user.id } });
    const version = await db.articleVersion.create({ data: { articleId: article.id, teamId, number: 1, text: "text", contentHash: `h-${teamId}`, createdById: user.id } });
    for (let from = 0; from < CLAIMS; from += 2_000) {
      const claims: Prisma.ClaimCreateManyInput[] = [];
      const hops: Prisma.CitationCreateManyInput[][] = [[], [], []];
      for (let n = from; n < from + 2_000; n += 1) {
        const claimId = randomUUID();
        claims.push({
          id: claimId, teamId, articleId: article.id, versionId: version.id, position: n, quote: `q${n}`, prefix: "", suffix: "", start: 0, end: 1, statement: `Claim ${n}`,
          verdict: VERDICTS[n % VERDICTS.length], verdictById: user.id, verdictAt: new Date(Date.UTC(2024, n % 36, 1 + (n % 28))), createdById: user.id,
        });
        const [outlet, agency, origin] = [randomUUID(), randomUUID(), randomUUID()];
        const source = (k: number) => sources[(n * 7 + k * 331) % SOURCES].id;
        hops[0].push({ id: origin, teamId, claimId, sourceId: source(2), relation: "states", isOrigin: n % 3 !== 0, createdById: user.id });
        hops[1].push({ id: agency, teamId, claimId, sourceId: source(1), relation: "states", viaCitationId: origin, createdById: user.id });
        hops[2].push({ id: outlet, teamId, claimId, sourceId: source(0), relation: n % 5 === 0 ? "corroborates" : "states", viaCitationId: agency, createdById: user.id });
      }
      await db.claim.createMany({ data: claims });
      for (const hop of hops) await db.citation.createMany({ data: hop });
    }
  }
  if (dialectOf(db) === "postgresql") await db.$executeRawUnsafe("ANALYZE");
  return teams[0].id;
}

describe(`track records at scale on ${testDatabaseKind}`, () => {
  it(`load the registry of ${SOURCES.toLocaleString("en")} sources over ${CLAIMS.toLocaleString("en")} judged claims in seconds at most, under load`, async () => {
    const teamId = await seed();
    const summaries = await listTrackSummaries(db, teamId);
    expect(summaries.size).toBe(SOURCES);
    const counted = [...summaries.values()].reduce((sum, summary) => sum + summary.origin.claims + summary.relay.claims, 0);
    // Three sources per claim; a source twice on one chain counts once (331 and 662 steps apart never meet here).
    expect(counted).toBe(CLAIMS * 3);
    const [aSource] = summaries.keys();
    const figures = {
      "registry (sources + track records)": await timeCalls(() => Promise.all([listSources(db, teamId), listTrackSummaries(db, teamId)]), { runs: 5, warmUps: 1 }),
      "track records alone": await timeCalls(() => listTrackSummaries(db, teamId), { runs: 5, warmUps: 1 }),
      "one source's page, its 30 claims listed": await timeCalls(() => getSourceTrackRecord(db, teamId, aSource, "quarter", { role: "relay", period: "all", verdict: null }), { runs: 5, warmUps: 1 }),
    };
    console.log(`track records over ${CLAIMS} claims and ${SOURCES} sources on ${testDatabaseKind}, load average ${loadavg()[0].toFixed(1)} (ms):\n${Object.entries(figures).map(([name, { p50, p95 }]) => `  ${name.padEnd(40)} p50 ${p50.toFixed(1)}  p95 ${p95.toFixed(1)}`).join("\n")}`);
    // The target (the registry in under a second on an idle machine) is the benchmark's; these
    // bounds catch a regression by an order of magnitude (a query per source, Prisma shaping
    // every citation again, a scan of every team) on a shared 2-core machine under load.
    expect(figures["registry (sources + track records)"].p50).toBeLessThan(5_000);
    expect(figures["one source's page, its 30 claims listed"].p50).toBeLessThan(1_000);
  }, 600_000);
});
