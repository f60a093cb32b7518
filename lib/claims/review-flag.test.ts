import { describe, expect, it } from "vitest";
import { keepReviewFlag, saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { createClaim, markAnchorReviewed, mergeClaims } from "./mutations";

const db = setUpTestDatabase();

const V1 = "The mayor said the tram line will open in 2026.\n\nCritics said the cost rose to 90 million euros.";
const V2 = "The mayor said the tram line will open in 2028.\n\nCritics said the cost rose to 90 million euros.";
const V3 = "The mayor said the tram line will open in 2026.\n\nCritics said the cost rose to 90 million euros.\n\nA new paragraph.";

async function importVersion(actor: { teamId: string; userId: string }, text: string, articleId?: string) {
  return saveImport(db, actor, saveImportSchema.parse({ title: "Tram", text, removedLines: [], articleId }));
}

describe("keepReviewFlag", () => {
  it("keeps a change flag until an editor reviews it", () => {
    expect(keepReviewFlag("changed", "anchored")).toBe("changed");
    expect(keepReviewFlag("lost", "moved")).toBe("changed");
    expect(keepReviewFlag("changed", "lost")).toBe("lost");
    expect(keepReviewFlag("anchored", "moved")).toBe("moved");
  });
});

describe("a claim whose passage changed", () => {
  it("stays flagged across later versions until marked reviewed, and then is anchored again", async () => {
    const user = await createTestUser(db);
    const team = await createTeam(db, { name: "Transport", userId: user.id });
    const actor = { teamId: team.id, userId: user.id };
    const { articleId } = await importVersion(actor, V1);
    const quote = "the tram line will open in 2026";
    const claim = await createClaim(db, actor, { articleId, start: V1.indexOf(quote), end: V1.indexOf(quote) + quote.length });

    await importVersion(actor, V2, articleId);
    const changed = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(changed).toMatchObject({ anchorState: "changed", previousQuote: quote, quote: "the tram line will open in 2028" });

    await importVersion(actor, V3, articleId);
    const stillFlagged = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stillFlagged.anchorState).toBe("changed");
    expect(stillFlagged.previousQuote).toBe(quote);

    await expect(markAnchorReviewed(db, actor, { claimId: claim.id, revision: changed.revision })).rejects.toMatchObject({ code: "CONFLICT" });
    await markAnchorReviewed(db, actor, { claimId: claim.id, revision: stillFlagged.revision });
    const reviewed = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(reviewed).toMatchObject({ anchorState: "anchored", previousQuote: null });
  });

  it("cannot be merged once its passage is lost", async () => {
    const user = await createTestUser(db);
    const team = await createTeam(db, { name: "Lost Desk", userId: user.id });
    const actor = { teamId: team.id, userId: user.id };
    const { articleId } = await importVersion(actor, V1);
    const first = await createClaim(db, actor, { articleId, start: 0, end: 47 });
    const second = await createClaim(db, actor, { articleId, start: 49, end: V1.length });
    await importVersion(actor, "Entirely different text about something else.\n\nCritics said the cost rose to 90 million euros.", articleId);
    expect((await db.claim.findUniqueOrThrow({ where: { id: first.id } })).anchorState).toBe("lost");
    await expect(mergeClaims(db, actor, { claimIds: [first.id, second.id] })).rejects.toThrow(/no longer in the article/);
  });
});
