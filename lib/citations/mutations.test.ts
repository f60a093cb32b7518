import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { getClaimDetail } from "@/lib/verification/queries";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { addCitation, citeArticleOutlet, removeCitation, updateCitation } from "./mutations";
import { addCitationSchema } from "./schema";

const db = setUpTestDatabase();
const TEXT = "A bill in the Duma would let firms keep private armies, The Daily Beast reported.";

async function setUp() {
  const user = await createTestUser(db, { name: "Ada Reporter" });
  const team = await createTeam(db, { name: "Desk", userId: user.id });
  const actor = { teamId: team.id, userId: user.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({
    title: "Putin's private armies", outlet: "Business Insider", url: "https://www.businessinsider.com/putin-armies", text: TEXT, removedLines: [],
  }));
  const claim = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(",") });
  return { actor, articleId, claimId: claim.id, user, team };
}

const cite = (claimId: string, fields: Record<string, unknown>) => addCitationSchema.parse({ claimId, relation: "states", ...fields });

describe("addCitation", () => {
  it("builds the chain Insider <- Daily Beast <- bill by tracing further, and the trace finds one origin", async () => {
    const { actor, claimId, team } = await setUp();
    const beast = await addCitation(db, actor, cite(claimId, { sourceName: "The Daily Beast", sourceKind: "outlet", url: "https://www.thedailybeast.com/x" }));
    const bill = await addCitation(db, actor, cite(claimId, { sourceName: "Duma bill No. 1234", sourceKind: "document", relaysForId: beast.id, isOrigin: "on" }));
    await addCitation(db, actor, cite(claimId, { sourceName: "Barents Observer", sourceKind: "outlet", relation: "corroborates", viaCitationId: bill.id }));

    const rows = await db.citation.findMany({ where: { claimId } });
    expect(rows.find((row) => row.id === beast.id)?.viaCitationId).toBe(bill.id);
    const detail = await getClaimDetail(db, team.id, claimId);
    expect(detail?.trace.tally.independentOrigins).toBe(1);
    expect(detail?.trace.summary).toBe("2 outlets, 1 origin: Duma bill No. 1234");
    expect(detail?.trace.origins[0]).toMatchObject({ name: "Duma bill No. 1234", reached: true });
    expect(detail?.events.map((event) => event.type)).toEqual(["citation_added", "citation_added", "citation_added", "created"]);
  });

  it("reuses a registry source whose name differs only in case and punctuation", async () => {
    const { actor, claimId } = await setUp();
    const first = await addCitation(db, actor, cite(claimId, { sourceName: "The Daily Beast" }));
    const second = await addCitation(db, actor, cite(claimId, { sourceName: "daily beast." }));
    expect(second.sourceId).toBe(first.sourceId);
    expect(await db.source.count({ where: { teamId: actor.teamId } })).toBe(1);
  });

  it("refuses a via from another claim and another team's source", async () => {
    const { actor, claimId, articleId } = await setUp();
    const other = await createClaim(db, actor, { articleId, start: TEXT.indexOf("The Daily"), end: TEXT.length - 1 });
    const elsewhere = await addCitation(db, actor, cite(other.id, { sourceName: "Reuters" }));
    await expect(addCitation(db, actor, cite(claimId, { sourceName: "AP", viaCitationId: elsewhere.id }))).rejects.toThrow(/same claim/);
    const stranger = await setUp();
    await expect(addCitation(db, stranger.actor, cite(stranger.claimId, { sourceId: elsewhere.sourceId }))).rejects.toThrow(/not in your team/);
    await expect(addCitation(db, stranger.actor, cite(claimId, { sourceName: "AP" }))).rejects.toThrow(/no longer exists/);
  });

  it("refuses to create a citation in a loop, checked in the same transaction as the write", async () => {
    const { actor, claimId } = await setUp();
    const beast = await addCitation(db, actor, cite(claimId, { sourceName: "The Daily Beast" }));
    const bill = await addCitation(db, actor, cite(claimId, { sourceName: "Duma bill", relaysForId: beast.id }));
    const before = await db.citation.findMany({ where: { claimId }, orderBy: { id: "asc" } });
    // "Where did the bill get this?" answered with a citation that relays the Beast, which relays the bill.
    await expect(addCitation(db, actor, cite(claimId, { sourceName: "Kremlin", relaysForId: bill.id, viaCitationId: beast.id })))
      .rejects.toThrow(/loop: Kremlin ← The Daily Beast ← Duma bill/);
    await expect(addCitation(db, actor, cite(claimId, { sourceName: "Kremlin", relaysForId: beast.id, viaCitationId: beast.id }))).rejects.toThrow(/loop/);
    expect(await db.citation.findMany({ where: { claimId }, orderBy: { id: "asc" } })).toEqual(before);
    // The same via without the relayer in the chain is fine.
    await addCitation(db, actor, cite(claimId, { sourceName: "Kremlin", relaysForId: beast.id, viaCitationId: bill.id }));
  });

  it("cites the article's own outlet in one call, with the article's URL and the quote", async () => {
    const { actor, claimId } = await setUp();
    const citation = await citeArticleOutlet(db, actor, { claimId });
    const row = await db.citation.findUniqueOrThrow({ where: { id: citation.id }, include: { source: true } });
    expect(row).toMatchObject({ relation: "states", url: "https://www.businessinsider.com/putin-armies", passage: TEXT.slice(0, TEXT.indexOf(",")) });
    expect(row.source).toMatchObject({ name: "Business Insider", kind: "outlet", domains: JSON.stringify(["businessinsider.com"]) });
  });
});

describe("updateCitation and removeCitation", () => {
  it("refuses a via that would make a loop, and a stale revision", async () => {
    const { actor, claimId } = await setUp();
    const beast = await addCitation(db, actor, cite(claimId, { sourceName: "The Daily Beast" }));
    const bill = await addCitation(db, actor, cite(claimId, { sourceName: "Duma bill", relaysForId: beast.id }));
    const billRow = await db.citation.findUniqueOrThrow({ where: { id: bill.id } });
    const base = { citationId: bill.id, revision: billRow.revision, sourceId: bill.sourceId, relation: "states" as const, isOrigin: false };
    await expect(updateCitation(db, actor, { ...base, viaCitationId: beast.id })).rejects.toThrow(/loop: The Daily Beast ← Duma bill/);

    await updateCitation(db, actor, { ...base, isOrigin: true });
    await expect(updateCitation(db, actor, { ...base, isOrigin: false })).rejects.toThrow(/while you were editing/);
    const events = await db.claimEvent.findMany({ where: { claimId, type: "citation_edited" } });
    expect(events.map((event) => event.note)).toEqual(["Marked as the origin"]);
  });

  it("splices a removed citation out of the chains that relayed it", async () => {
    const { actor, claimId } = await setUp();
    const insider = await addCitation(db, actor, cite(claimId, { sourceName: "Insider" }));
    const beast = await addCitation(db, actor, cite(claimId, { sourceName: "The Daily Beast", relaysForId: insider.id }));
    const bill = await addCitation(db, actor, cite(claimId, { sourceName: "Duma bill", relaysForId: beast.id }));
    await removeCitation(db, actor, { citationId: beast.id });
    const insiderRow = await db.citation.findUniqueOrThrow({ where: { id: insider.id } });
    expect(insiderRow.viaCitationId).toBe(bill.id);
    const removed = await db.citation.findUniqueOrThrow({ where: { id: beast.id } });
    expect(removed.deletedAt).not.toBeNull();
    await expect(removeCitation(db, actor, { citationId: beast.id })).rejects.toThrow(/no longer exists/);
  });
});
