import { describe, expect, it } from "vitest";
import { dialectOf } from "@/lib/config/prisma-client";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { timeCalls } from "@/tests/timing";
import { searchTeam } from "./full-text";
import { postgresSearchSql } from "./full-text-postgresql";

const db = setUpTestDatabase();

const CLAIMS = 20_000;
/** A vocabulary with a long tail, as newsroom text has: a few words everywhere, most rare. */
const VOCABULARY = Array.from({ length: 3_000 }, (_, i) => `w${i.toString(36)}`);
const pick = (seed: number) => VOCABULARY[Math.floor(VOCABULARY.length * Math.pow((seed * 7919) % 10_007 / 10_007, 3))];

async function seed() {
  const user = await createTestUser(db);
  const ours = await createTeam(db, { name: "Scale", userId: user.id });
  const theirs = await createTeam(db, { name: "Scale other", userId: user.id });
  for (const team of [ours, theirs]) {
    const article = await db.article.create({ data: { teamId: team.id, title: "Scale article", createdById: user.id } });
    const version = await db.articleVersion.create({ data: { articleId: article.id, teamId: team.id, number: 1, text: "text", contentHash: `h-${team.id}`, createdById: user.id } });
    for (let from = 0; from < CLAIMS; from += 2_000) {
      await db.claim.createMany({
        data: Array.from({ length: 2_000 }, (_, k) => {
          const n = from + k;
          const words = Array.from({ length: 14 }, (_, w) => pick(n * 31 + w * 17 + 1));
          return {
            teamId: team.id, articleId: article.id, versionId: version.id, position: n, quote: words.slice(0, 6).join(" "), prefix: "", suffix: "", start: 0, end: 1,
            statement: `${words.join(" ")}${n === 4_242 ? " Prigozhin" : ""}`, rationale: n % 3 === 0 ? words.slice(3).join(" ") : null, createdById: user.id,
          };
        }),
      });
    }
  }
  // As autovacuum would have by now on a server: without statistics the planner takes the team's
  // btree index and folds every claim's text to test it (0.6 s for a rare word) instead of the GIN index.
  if (dialectOf(db) === "postgresql") await db.$executeRawUnsafe("ANALYZE");
  return ours.id;
}

describe(`searchTeam at scale on ${testDatabaseKind}`, () => {
  it(`answers over ${CLAIMS.toLocaleString("en")} claims (and as many of another team's) in well under the 50 ms target`, async () => {
    const teamId = await seed();
    const common = VOCABULARY[0];
    const queries = { "a rare word": "prigozhin", "a common word": common, "a prefix": "w1", "a phrase": `"${common} ${common}"`, "two words": `${common} ${VOCABULARY[5]}` };
    const figures: Record<string, { p50: number; p95: number }> = {};
    for (const [name, query] of Object.entries(queries)) {
      figures[`claims only, ${name}`] = await timeCalls(() => searchTeam(db, teamId, query, { kinds: ["claim"], limit: 20 }));
      figures[`every kind, ${name}`] = await timeCalls(() => searchTeam(db, teamId, query));
    }
    console.log(`search over ${CLAIMS} claims on ${testDatabaseKind} (ms):\n${Object.entries(figures).map(([name, { p50, p95 }]) => `  ${name.padEnd(32)} p50 ${p50.toFixed(1)}  p95 ${p95.toFixed(1)}`).join("\n")}`);
    const rare = await searchTeam(db, teamId, "prigozhin", { kinds: ["claim"] });
    expect(rare.status === "ok" && rare.groups[0].hits.length).toBe(1);
    // The target (50 ms) is the benchmark's; this guards against a regression by an order of
    // magnitude (a lost index, a scan of every team) on a busy 2-core machine.
    expect(figures["claims only, a rare word"].p50).toBeLessThan(50);
    // PostgreSQL ranks a word found in thousands of claims in about a second (ts_rank folds each
    // match's text again; decision 0021, "PostgreSQL is not good enough yet", and its fix, a stored
    // vector per row): its bound only catches a regression from there.
    const worstBound = testDatabaseKind === "postgresql" ? 5_000 : 500;
    expect(Math.max(...Object.values(figures).map((figure) => figure.p50))).toBeLessThan(worstBound);

    if (dialectOf(db) === "postgresql") {
      const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${postgresSearchSql.claim} LIMIT 20`, "prigozhin", teamId);
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Claim_search_idx");
    }
  }, 900_000);
});
