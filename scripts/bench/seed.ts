import type { Db } from "../../lib/config/prisma-client";
import { addArticle, createArticleRows, type ArticleRows } from "./article-rows";
import { buildArticleText } from "./article-text";
import { EDITOR_COUNT, seedTeam, type Person } from "./seed-team";

export const ARTICLE_COUNT = 200;
export const HEAVY = { words: 10_000, claims: 1_000, hops: 3 } as const;
/** The size the reports issue sets its export targets at. */
export const REPORT_SIZE = { words: 5_000, claims: 500, hops: 3 } as const;
const SMALL = { claims: 8, hops: 2 } as const;
/** Claims each editor changes back and forth in the status benchmark (none shared). */
export const CLAIMS_PER_EDITOR = 5;

export type Editor = Person & { claims: Array<{ id: string; revision: number; status: "in_progress" | "needs_review" }> };
export type BenchData = {
  slug: string;
  heavyArticleId: string;
  /** An article of 500 claims: the size the export targets are set for. */
  reportArticleId: string;
  /** A typical article of the same team (600 words, 8 claims), for comparison. */
  smallArticleId: string;
  owner: Person;
  editors: Editor[];
};

/**
 * A large team on an empty, migrated database: 200 articles, one of them of 10,000 words with
 * 1,000 claims and 3,000 citations, one of 5,000 words with 500 claims, the others of a few
 * hundred words with 8 claims each.
 * Rows are built in memory and written table by table with createMany in one transaction.
 */
export async function seedBench(db: Db): Promise<BenchData> {
  const people = await seedTeam(db);
  const rows = createArticleRows();
  const started = Date.UTC(2025, 0, 6, 8);
  const day = 86_400_000;
  const heavyText = buildArticleText(HEAVY.words);
  const heavy = addArticle(rows, people, {
    number: 0, title: "The long read: how a private army network was built", text: heavyText,
    claimCount: HEAVY.claims, hops: HEAVY.hops, createdAt: new Date(started + (ARTICLE_COUNT - 1) * day),
  });
  const report = addArticle(rows, people, {
    number: 1, title: "Five hundred claims: the draft-age bill, line by line", text: buildArticleText(REPORT_SIZE.words),
    claimCount: REPORT_SIZE.claims, hops: REPORT_SIZE.hops, createdAt: new Date(started),
  });
  let smallArticleId = "";
  for (let number = 2; number < ARTICLE_COUNT; number += 1) {
    const words = 300 + (number % 6) * 100;
    const small = addArticle(rows, people, {
      number, title: `Dispatch ${number}: private militias and the draft`, text: buildArticleText(words),
      claimCount: SMALL.claims, hops: SMALL.hops, createdAt: new Date(started + (number - 1) * day),
    });
    if (words === 600 && !smallArticleId) smallArticleId = small.articleId;
  }
  const editors = reserveClaims(rows, people.editors, heavy.claimIds);
  await writeRows(db, rows);
  return { slug: people.slug, heavyArticleId: heavy.articleId, reportArticleId: report.articleId, smallArticleId, owner: people.owner, editors };
}

/**
 * Gives each editor CLAIMS_PER_EDITOR claims of the heavy article of their own, spread over the
 * list and all "in progress" at revision 1, so that concurrent editors never race for one claim.
 */
function reserveClaims(rows: ArticleRows, editors: Person[], claimIds: string[]): Editor[] {
  const stride = Math.floor(claimIds.length / CLAIMS_PER_EDITOR);
  return editors.slice(0, EDITOR_COUNT).map((editor, index) => {
    const ids = Array.from({ length: CLAIMS_PER_EDITOR }, (_, round) => claimIds[round * stride + index * 3 + 1]);
    for (const claim of rows.claims) {
      if (!ids.includes(claim.id!)) continue;
      Object.assign(claim, { status: "in_progress", verdict: null, verdictById: null, verdictAt: null, rationale: null, assigneeId: editor.id });
    }
    return { ...editor, claims: ids.map((id) => ({ id, revision: 1, status: "in_progress" as const })) };
  });
}

async function writeRows(db: Db, rows: ArticleRows) {
  await db.$transaction(
    async (tx) => {
      await tx.article.createMany({ data: rows.articles });
      await tx.articleVersion.createMany({ data: rows.versions });
      await tx.claim.createMany({ data: rows.claims });
      for (const hop of rows.citations) await tx.citation.createMany({ data: hop });
      await tx.sourceCapture.createMany({ data: rows.captures });
      await tx.claimEvent.createMany({ data: rows.events });
      await tx.claimComment.createMany({ data: rows.comments });
    },
    { timeout: 120_000 },
  );
}
