import vectorFile from "../../lib/claims/suggest/word-vectors.json";
import { listIndexTerms } from "../../lib/claims/matching/lexical";
import { normalizeClaim } from "../../lib/claims/matching/normalize";
import { recountClaimMatchIndex } from "../../lib/claims/matching/store";
import { dialectOf, type Db } from "../../lib/config/prisma-client";

/**
 * A team with `count` judged claims for the claim-matching scale test and bench: statements of 10
 * to 18 words drawn Zipf-like from the 40,000 most frequent English words (the word vectors'
 * vocabulary, in frequency order), with figures, so terms are as unevenly spread as in news; plus
 * the `planted` statements, judged, in their own article, and the `queries`, unjudged, in another.
 * Filed with the terms the app's index writer (store.ts) computes, inserted in bulk (the writer's
 * one-claim-at-a-time statements would take most of an hour for 100,000 claims), then counted.
 */
const VOCABULARY = vectorFile.words.split(" ").filter((word) => /^[a-z]+$/.test(word));

function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function writeStatement(random: () => number): string {
  const length = 10 + Math.floor(random() * 9);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    // Rank ~ exp(uniform * ln N): a log-uniform rank, which is Zipf's law for word frequency.
    if (random() < 0.06) words.push(String(Math.floor(random() * 5_000)));
    else words.push(VOCABULARY[Math.floor(Math.exp(random() * Math.log(VOCABULARY.length))) - 1]);
  }
  return `${words.join(" ")}.`;
}

type Seeded = { teamId: string; queryClaimIds: string[]; plantedClaimIds: string[] };

export async function seedMatchingTeam(db: Db, input: { teamId: string; userId: string; count: number; planted: string[]; queries: string[] }): Promise<Seeded> {
  const { teamId, userId } = input;
  const random = createRandom(42);
  const newArticle = async (title: string) => {
    const article = await db.article.create({ data: { teamId, title, createdById: userId } });
    const version = await db.articleVersion.create({ data: { articleId: article.id, teamId, number: 1, text: title, contentHash: `h-${article.id}`, createdById: userId } });
    return { articleId: article.id, versionId: version.id };
  };
  const addClaims = async (statements: string[], judged: boolean) => {
    const { articleId, versionId } = await newArticle(`Article ${Math.floor(random() * 1e9)}`);
    const claims = statements.map((statement, position) => ({
      teamId, articleId, versionId, position, quote: statement, prefix: "", suffix: "", start: 0, end: statement.length, statement, createdById: userId,
      ...(judged ? { verdict: "false" as const, rationale: "Seeded for the scale test.", verdictById: userId, verdictAt: new Date() } : {}),
    }));
    await db.claim.createMany({ data: claims });
    const ids = (await db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { id: true } })).map((claim) => claim.id);
    if (judged) await fileClaims(db, teamId, ids.map((id, index) => ({ id, statement: statements[index] })));
    return ids;
  };
  // 100 claims an article, as a newsroom's archive of fact-checks would hold them.
  for (let from = 0; from < input.count; from += 1_000) {
    for (let article = 0; article < 10; article++) {
      await addClaims(Array.from({ length: Math.min(100, input.count - from - article * 100) }, () => writeStatement(random)).filter(Boolean), true);
    }
  }
  const plantedClaimIds = await addClaims(input.planted, true);
  const queryClaimIds = await addClaims(input.queries, false);
  await recountClaimMatchIndex(db, teamId);
  return { teamId, queryClaimIds, plantedClaimIds };
}

/** Multi-row INSERTs of index rows, 300 rows a statement. */
async function insertRows(db: Db, table: string, columns: string[], rows: unknown[][]) {
  const isPostgres = dialectOf(db) === "postgresql";
  for (let from = 0; from < rows.length; from += 300) {
    const batch = rows.slice(from, from + 300);
    let n = 0;
    const tuples = batch.map((row) => `(${row.map(() => (isPostgres ? `$${++n}` : "?")).join(", ")})`).join(", ");
    await db.$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples}`, ...batch.flat());
  }
}

async function fileClaims(db: Db, teamId: string, claims: { id: string; statement: string }[]) {
  await insertRows(db, "ClaimMatchEntry", ["claimId", "teamId", "length"], claims.map((claim) => [claim.id, teamId, normalizeClaim(claim.statement).terms.length]));
  await insertRows(db, "ClaimMatchTerm", ["teamId", "term", "claimId"], claims.flatMap((claim) => listIndexTerms(claim.statement).map((term) => [teamId, term, claim.id])));
}
