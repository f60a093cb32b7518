import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { race, ROUNDS } from "@/tests/race";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { addCitation, removeCitation } from "./mutations";
import { reuseCitations } from "./reuse";
import { addCitationSchema } from "./schema";

const db = setUpTestDatabase();
const TEXT = "A bill in the Duma would let firms keep private armies, The Daily Beast reported.";

type Actor = { teamId: string; userId: string };

async function newClaim(actor: Actor, title: string) {
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title, text: TEXT, removedLines: [] }));
  return createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(",") });
}

/** Team with a claim citing Insider <- Daily Beast <- Duma bill (the origin), and a second claim citing nothing. */
async function setUp(name = "Desk") {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name, userId: user.id });
  const actor = { teamId: team.id, userId: user.id };
  const from = await newClaim(actor, "Armies");
  const cite = (fields: Record<string, unknown>) => addCitation(db, actor, addCitationSchema.parse({ claimId: from.id, relation: "states", ...fields }));
  const bill = await cite({ sourceName: "Duma bill", isOrigin: true, passage: "Article 2: enterprises may form units." });
  const beast = await cite({ sourceName: "The Daily Beast", viaCitationId: bill.id, url: "https://www.thedailybeast.com/armies" });
  await cite({ sourceName: "Business Insider", viaCitationId: beast.id });
  const target = await newClaim(actor, "Armies again");
  return { actor, fromId: from.id, targetId: target.id };
}

/** The claim's live citations as "source <- via source" lines, sorted. */
async function chainOf(claimId: string) {
  const rows = await db.citation.findMany({ where: { claimId, deletedAt: null }, select: { id: true, isOrigin: true, passage: true, url: true, source: { select: { name: true } }, via: { select: { claimId: true, source: { select: { name: true } } } } } });
  for (const row of rows) if (row.via) expect(row.via.claimId).toBe(claimId);
  return rows.map((row) => `${row.source.name}${row.via ? ` <- ${row.via.source.name}` : ""}${row.isOrigin ? " (origin)" : ""}`).sort();
}

describe("reuseCitations", () => {
  it("copies the citations with their chain onto the claim, each recorded in its history", async () => {
    const { actor, fromId, targetId } = await setUp();
    const result = await reuseCitations(db, actor, { claimId: targetId, fromClaimId: fromId });
    expect(result).toEqual({ added: 3, alreadyCited: 0, fromArticleTitle: "Armies" });
    expect(await chainOf(targetId)).toEqual(await chainOf(fromId));
    expect(await chainOf(targetId)).toEqual(["Business Insider <- The Daily Beast", "Duma bill (origin)", "The Daily Beast <- Duma bill"]);
    const copied = await db.citation.findFirstOrThrow({ where: { claimId: targetId, source: { name: "Duma bill" } } });
    expect(copied.passage).toBe("Article 2: enterprises may form units.");
    const events = await db.claimEvent.findMany({ where: { claimId: targetId, type: "citation_added" } });
    expect(events).toHaveLength(3);
    expect(events[0].note).toBe("Reused from a claim checked before in “Armies”");
  });

  it("adds nothing twice: a second reuse finds every citation already there", async () => {
    const { actor, fromId, targetId } = await setUp();
    await reuseCitations(db, actor, { claimId: targetId, fromClaimId: fromId });
    expect(await reuseCitations(db, actor, { claimId: targetId, fromClaimId: fromId })).toEqual({ added: 0, alreadyCited: 3, fromArticleTitle: "Armies" });
    expect(await db.citation.count({ where: { claimId: targetId } })).toBe(3);
  });

  it("links a copy to a citation the claim already had instead of copying that one", async () => {
    const { actor, fromId, targetId } = await setUp();
    await addCitation(db, actor, addCitationSchema.parse({ claimId: targetId, relation: "states", sourceName: "Duma bill", isOrigin: true, passage: "Article 2: enterprises may form units." }));
    expect(await reuseCitations(db, actor, { claimId: targetId, fromClaimId: fromId })).toMatchObject({ added: 2, alreadyCited: 1 });
    expect(await chainOf(targetId)).toEqual(["Business Insider <- The Daily Beast", "Duma bill (origin)", "The Daily Beast <- Duma bill"]);
  });

  it("leaves out removed citations, and refuses a claim with nothing to reuse", async () => {
    const { actor, fromId, targetId } = await setUp();
    const insider = await db.citation.findFirstOrThrow({ where: { claimId: fromId, source: { name: "Business Insider" } } });
    await removeCitation(db, actor, { citationId: insider.id });
    expect(await reuseCitations(db, actor, { claimId: targetId, fromClaimId: fromId })).toMatchObject({ added: 2 });
    await expect(reuseCitations(db, actor, { claimId: fromId, fromClaimId: targetId.replace(/.$/, "x") })).rejects.toThrow("no longer exists");
    const empty = await newClaim(actor, "Empty");
    await expect(reuseCitations(db, actor, { claimId: targetId, fromClaimId: empty.id })).rejects.toThrow("nothing to reuse");
  });

  it("never reads another team's claim", async () => {
    const ours = await setUp("Ours");
    const theirs = await setUp("Theirs");
    await expect(reuseCitations(db, ours.actor, { claimId: ours.targetId, fromClaimId: theirs.fromId })).rejects.toThrow("no longer exists in this team");
    await expect(reuseCitations(db, ours.actor, { claimId: theirs.targetId, fromClaimId: ours.fromId })).rejects.toThrow("no longer exists in this team");
    expect(await db.citation.count({ where: { claimId: { in: [ours.targetId, theirs.targetId] } } })).toBe(0);
  });

  it("copies once when two editors reuse at the same moment", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, fromId, targetId } = await setUp(`Race ${round}`);
      const results = await race(
        () => reuseCitations(db, actor, { claimId: targetId, fromClaimId: fromId }),
        () => reuseCitations(db, actor, { claimId: targetId, fromClaimId: fromId }),
      );
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
      expect(await db.citation.count({ where: { claimId: targetId } })).toBe(3);
    }
  });
});
