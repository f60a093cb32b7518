import { describe, expect, it } from "vitest";
import { dialectOf } from "@/lib/config/prisma-client";
import { createTeam } from "@/lib/teams/mutations";
import { percentile } from "@/scripts/bench/stats";
import { seedMatchingTeam } from "@/scripts/bench/matching-seed";
import { createTestUser, setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { PLANTED, QUERIES } from "./scale-claims";
import { findCheckedBefore } from "./queries";

const db = setUpTestDatabase();
// 3,000 in the test suite (seeding takes seconds); the 100,000 is measured with
// MATCHING_SCALE_CLAIMS=100000 (about 15 minutes of seeding), figures in docs/decisions/0023.
const CLAIMS = Number(process.env.MATCHING_SCALE_CLAIMS ?? 3_000);

describe(`findCheckedBefore at scale on ${testDatabaseKind}`, () => {
  it(`finds a paraphrase's judged claim among ${CLAIMS.toLocaleString("en")} of the team's judged claims (and keeps to the team)`, async () => {
    const user = await createTestUser(db);
    const ours = await createTeam(db, { name: "Matching scale", userId: user.id });
    const theirs = await createTeam(db, { name: "Matching other", userId: user.id });
    const seeded = await seedMatchingTeam(db, { teamId: ours.id, userId: user.id, count: CLAIMS, planted: PLANTED, queries: QUERIES });
    // Another team's index holds the same planted claims: they must never come back.
    const other = await seedMatchingTeam(db, { teamId: theirs.id, userId: user.id, count: 0, planted: PLANTED, queries: [] });
    if (dialectOf(db) === "postgresql") await db.$executeRawUnsafe("ANALYZE");

    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [index, claimId] of seeded.queryClaimIds.entries()) {
        const started = performance.now();
        const result = await findCheckedBefore(db, ours.id, claimId);
        times.push(performance.now() - started);
        if (round > 0) continue;
        expect(result.priorChecks[0]?.claimId, QUERIES[index]).toBe(seeded.plantedClaimIds[index]);
        expect(result.priorChecks.some((check) => other.plantedClaimIds.includes(check.claimId))).toBe(false);
      }
    }
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    console.log(`findCheckedBefore over ${CLAIMS} judged claims on ${testDatabaseKind}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${times.length} calls)`);
    // The target (100 ms p95 at 100,000 claims) belongs to scripts/bench/matching.ts (figures in
    // decision 0023); this bound catches a lost index or a scan of the team's claims on a busy
    // 2-core machine.
    expect(p95).toBeLessThan(400);
  }, 1_800_000);
});
