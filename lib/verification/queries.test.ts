import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim } from "@/lib/claims/mutations";
import type { Db } from "@/lib/config/prisma-client";
import { seedManyClaims } from "@/lib/reports/test-seed";
import { createTeam } from "@/lib/teams/mutations";
import { countQueries, createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { addComment } from "./comments";
import { setClaimStatus } from "./mutations";
import { getClaimDetail } from "./queries";

const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass.";

async function setUpArticle(db: Db) {
  const user = await createTestUser(db, { name: "Olga Owner" });
  const team = await createTeam(db, { name: "Claims Desk", userId: user.id });
  const actor = { teamId: team.id, userId: user.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  return { actor, articleId };
}

const cite = (claimId: string, fields: Record<string, unknown>) => addCitationSchema.parse({ claimId, relation: "states", ...fields });

describe("getClaimDetail: queries", () => {
  // A database whose client logs every SQL statement it runs (tests/test-db.ts).
  const db = setUpTestDatabase({ logQueries: true });
  const queries = countQueries(db);

  async function countFor(teamId: string, claimId: string) {
    queries.reset();
    const detail = await getClaimDetail(db, teamId, claimId);
    return { detail: detail!, queries: queries.count };
  }

  it("runs as many queries for a claim among 40, with chains, captures, history and comments, as for one among 3", async () => {
    const small = await setUpArticle(db);
    const claims = [];
    for (const sentence of TEXT.split(/(?<=\.) /)) {
      const start = TEXT.indexOf(sentence);
      claims.push(await createClaim(db, small.actor, { articleId: small.articleId, start, end: start + sentence.length }));
    }
    await addCitation(db, small.actor, cite(claims[1].id, { sourceName: "The Daily Beast" }));
    await addComment(db, small.actor, { claimId: claims[1].id, body: "Check the bill." });

    const large = await setUpArticle(db);
    await seedManyClaims(db, { ...large.actor, articleId: large.articleId, count: 40 });
    const busy = await db.claim.findFirstOrThrow({ where: { articleId: large.articleId, position: 20 } });
    for (const outlet of ["Reuters", "AP", "The Guardian", "Le Monde", "El País"]) {
      await addCitation(db, large.actor, cite(busy.id, { sourceName: outlet }));
      await addComment(db, large.actor, { claimId: busy.id, body: `What did ${outlet} rely on?` });
    }
    await setClaimStatus(db, large.actor, { claimId: busy.id, revision: busy.revision, status: "needs_review", note: "Reopened for the new outlets" });

    const few = await countFor(small.actor.teamId, claims[1].id);
    const many = await countFor(large.actor.teamId, busy.id);

    expect(few.detail).toMatchObject({ number: 2, claimCount: 3 });
    expect(few.detail.citations).toHaveLength(1);
    expect(many.detail).toMatchObject({ number: 20, claimCount: 40 });
    expect(many.detail.citations).toHaveLength(8);
    expect(many.detail.comments).toHaveLength(6);
    expect(many.detail.events.length).toBeGreaterThan(6);
    expect(few.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(few.queries);
  });
});
