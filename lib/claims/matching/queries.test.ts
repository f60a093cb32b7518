import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim, deleteClaim, restoreClaim, updateClaimStatement } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { giveVerdict, withdrawVerdict } from "@/lib/verification/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { findCheckedBefore, listMatchMarkers } from "./queries";
import { catchUpClaimMatchIndex, recountClaimMatchIndex } from "./store";

const db = setUpTestDatabase();

const JUDGED = "Unemployment rose by 5% in 2023, the highest rise in a decade.";
const PARAPHRASE = "Unemployment went up five per cent in 2023, its highest rise in ten years.";
const FILLER = "The council opened a new library. The mayor cut the ribbon.";

type Actor = { teamId: string; userId: string };

async function importArticle(actor: Actor, title: string, text: string) {
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title, text, removedLines: [] }));
  return articleId;
}

async function claimOn(actor: Actor, articleId: string, text: string, sentence: string) {
  const start = text.indexOf(sentence);
  return createClaim(db, actor, { articleId, start, end: start + sentence.length });
}

async function judge(actor: Actor, claimId: string, verdict: "misleading" | "false" = "misleading") {
  await addCitation(db, actor, addCitationSchema.parse({ claimId, relation: "states", sourceName: "Office for National Statistics" }));
  const { revision } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true } });
  await giveVerdict(db, actor, { claimId, revision, verdict, rationale: "The statistics office's series shows a smaller rise." });
}

async function setUpTeam(name: string) {
  const user = await createTestUser(db, { name: `${name} editor` });
  const team = await createTeam(db, { name, userId: user.id });
  return { teamId: team.id, userId: user.id };
}

/** Team with article A (one judged claim) and article B (a paraphrase of it, unjudged). */
async function setUpTwoArticles(name: string) {
  const actor = await setUpTeam(name);
  const textA = `${JUDGED} ${FILLER}`;
  const articleA = await importArticle(actor, "Jobs report", textA);
  const judged = await claimOn(actor, articleA, textA, JUDGED);
  await judge(actor, judged.id);
  const textB = `${FILLER} ${PARAPHRASE}`;
  const articleB = await importArticle(actor, "Economy in review", textB);
  const paraphrase = await claimOn(actor, articleB, textB, PARAPHRASE);
  const unrelated = await claimOn(actor, articleB, textB, "The council opened a new library.");
  return { actor, articleA, articleB, judged, paraphrase, unrelated };
}

describe("findCheckedBefore", () => {
  it("finds the judged claim of another article behind a paraphrase, with its verdict and article", async () => {
    const { actor, articleA, judged, paraphrase } = await setUpTwoArticles("Desk one");
    const result = await findCheckedBefore(db, actor.teamId, paraphrase.id);
    expect(result.priorChecks).toEqual([
      expect.objectContaining({ claimId: judged.id, articleId: articleA, articleTitle: "Jobs report", verdictLabel: "Misleading", rationale: expect.stringContaining("statistics office") }),
    ]);
    expect(result.priorChecks[0].verdictAt).toBeInstanceOf(Date);
    expect(result.sameClaims).toEqual([]);
  });

  it("shows nothing for a claim that says something else", async () => {
    const { actor, unrelated } = await setUpTwoArticles("Desk two");
    expect(await findCheckedBefore(db, actor.teamId, unrelated.id)).toEqual({ priorChecks: [], sameClaims: [] });
  });

  it("never shows another team's claims, even the same words", async () => {
    const { judged } = await setUpTwoArticles("Desk three");
    const other = await setUpTeam("Other desk");
    const text = `${JUDGED} ${FILLER}`;
    const articleId = await importArticle(other, "Their jobs report", text);
    const theirs = await claimOn(other, articleId, text, JUDGED);
    const result = await findCheckedBefore(db, other.teamId, theirs.id);
    expect(result.priorChecks).toEqual([]);
    // Nor can a claim of another team be asked about.
    expect(await findCheckedBefore(db, other.teamId, judged.id)).toEqual({ priorChecks: [], sameClaims: [] });
  });

  it("follows a withdrawn verdict, a deletion, a restore and an edited statement", async () => {
    const { actor, judged, paraphrase } = await setUpTwoArticles("Desk four");
    const ids = async () => (await findCheckedBefore(db, actor.teamId, paraphrase.id)).priorChecks.map((check) => check.claimId);
    await deleteClaim(db, actor, { claimId: judged.id });
    expect(await ids()).toEqual([]);
    await restoreClaim(db, actor, { claimId: judged.id });
    expect(await ids()).toEqual([judged.id]);
    const { revision } = await db.claim.findUniqueOrThrow({ where: { id: judged.id }, select: { revision: true } });
    await withdrawVerdict(db, actor, { claimId: judged.id, revision, note: "Wrong series" });
    expect(await ids()).toEqual([]);
    await judge(actor, judged.id, "false");
    expect(await ids()).toEqual([judged.id]);
    const current = await db.claim.findUniqueOrThrow({ where: { id: judged.id }, select: { revision: true } });
    await updateClaimStatement(db, actor, { claimId: judged.id, revision: current.revision, statement: "The library opened on time." });
    // Still judged, now filed under its new words only.
    expect(await ids()).toEqual([]);
    const terms = (await db.claimMatchTerm.findMany({ where: { claimId: judged.id }, select: { term: true } })).map((row) => row.term);
    expect(terms).toContain("library");
    expect(terms).not.toContain("unemployment");
  });

  it("shows a repeat in the same article as that claim, by its number", async () => {
    const actor = await setUpTeam("Desk five");
    const text = `${JUDGED} ${FILLER} As we said, unemployment rose by 5 percent in 2023, the highest rise in a decade.`;
    const articleId = await importArticle(actor, "Jobs twice", text);
    const first = await claimOn(actor, articleId, text, JUDGED);
    const repeat = await claimOn(actor, articleId, text, "As we said, unemployment rose by 5 percent in 2023, the highest rise in a decade.");
    await judge(actor, first.id);
    const result = await findCheckedBefore(db, actor.teamId, repeat.id);
    expect(result.priorChecks).toEqual([]);
    expect(result.sameClaims).toEqual([expect.objectContaining({ claimId: first.id, number: 1, verdictLabel: "Misleading" })]);
  });

  it("files claims judged before the index existed at the first search", async () => {
    const { actor, judged, paraphrase } = await setUpTwoArticles("Desk six");
    await db.claimMatchEntry.deleteMany({ where: { teamId: actor.teamId } });
    await db.claimMatchTerm.deleteMany({ where: { teamId: actor.teamId } });
    await db.claimMatchTermCount.deleteMany({ where: { teamId: actor.teamId } });
    await db.claimMatchTotal.deleteMany({ where: { teamId: actor.teamId } });
    const result = await findCheckedBefore(db, actor.teamId, paraphrase.id);
    expect(result.priorChecks.map((check) => check.claimId)).toEqual([judged.id]);
    expect(await db.claimMatchEntry.count({ where: { teamId: actor.teamId } })).toBe(1);
    await catchUpClaimMatchIndex(db, actor.teamId);
    await expectCountsOfRows(actor.teamId);
  });

  it("keeps each team's term counts and totals equal to its index rows through every change", async () => {
    const { actor, judged, paraphrase } = await setUpTwoArticles("Desk seven");
    const other = await setUpTwoArticles("Desk seven's neighbour");
    await expectCountsOfRows(actor.teamId);
    expect(await countOf(actor.teamId, "unemployment")).toBe(1);
    await judge(actor, paraphrase.id);
    expect(await countOf(actor.teamId, "unemployment")).toBe(2);
    let { revision } = await db.claim.findUniqueOrThrow({ where: { id: judged.id }, select: { revision: true } });
    await updateClaimStatement(db, actor, { claimId: judged.id, revision, statement: "Unemployment fell by 2% in 2024." });
    await expectCountsOfRows(actor.teamId);
    ({ revision } = await db.claim.findUniqueOrThrow({ where: { id: judged.id }, select: { revision: true } }));
    await withdrawVerdict(db, actor, { claimId: judged.id, revision, note: "Wrong series" });
    expect(await countOf(actor.teamId, "unemployment")).toBe(1);
    await deleteClaim(db, actor, { claimId: paraphrase.id });
    expect(await countOf(actor.teamId, "unemployment")).toBe(0);
    await expectCountsOfRows(actor.teamId);
    await restoreClaim(db, actor, { claimId: paraphrase.id });
    await judge(actor, judged.id, "false");
    await expectCountsOfRows(actor.teamId);
    // The other team's counts are its own: one judged claim all along.
    expect(await countOf(other.actor.teamId, "unemployment")).toBe(1);
    await expectCountsOfRows(other.actor.teamId);
    expect(await db.claimMatchTotal.findUnique({ where: { teamId: other.actor.teamId } })).toEqual(expect.objectContaining({ claims: 1 }));
  });

  it("marks the workspace's claims checked before, from the team's claims only", async () => {
    const { actor, articleB, paraphrase, unrelated } = await setUpTwoArticles("Desk nine");
    expect(await listMatchMarkers(db, actor.teamId, articleB)).toEqual({ [paraphrase.id]: "checked-before" });
    // Another team's article saying the same: Desk nine's verdict is not theirs to see.
    const other = await setUpTeam("Desk nine's neighbour");
    const text = `${PARAPHRASE} ${FILLER}`;
    const theirs = await importArticle(other, "Their economy", text);
    await claimOn(other, theirs, text, PARAPHRASE);
    expect(await listMatchMarkers(db, other.teamId, theirs)).toEqual({});
    expect(unrelated.id in (await listMatchMarkers(db, actor.teamId, articleB))).toBe(false);
  });

  it("keeps the markers current through every change to the team's index, though it remembers them between loads", async () => {
    const { actor, articleB, judged, paraphrase } = await setUpTwoArticles("Desk ten");
    const marked = async () => Object.keys(await listMatchMarkers(db, actor.teamId, articleB));
    const version = async () => (await db.claimMatchTotal.findUniqueOrThrow({ where: { teamId: actor.teamId } })).version;
    const revisionOf = async () => (await db.claim.findUniqueOrThrow({ where: { id: judged.id }, select: { revision: true } })).revision;
    expect(await marked()).toEqual([paraphrase.id]);
    expect(await marked()).toEqual([paraphrase.id]);
    await deleteClaim(db, actor, { claimId: judged.id });
    expect(await marked()).toEqual([]);
    await restoreClaim(db, actor, { claimId: judged.id });
    expect(await marked()).toEqual([paraphrase.id]);
    await withdrawVerdict(db, actor, { claimId: judged.id, revision: await revisionOf(), note: "Wrong series" });
    expect(await marked()).toEqual([]);
    await judge(actor, judged.id);
    expect(await marked()).toEqual([paraphrase.id]);
    // One word for another: as many terms as before, other terms; the version still moves on.
    const beforeEdit = await version();
    await updateClaimStatement(db, actor, { claimId: judged.id, revision: await revisionOf(), statement: JUDGED.replace("Unemployment", "Inflation") });
    expect(await version()).toBeGreaterThan(beforeEdit);
    await updateClaimStatement(db, actor, { claimId: judged.id, revision: await revisionOf(), statement: "The library opened on time, as planned." });
    expect(await marked()).not.toContain(paraphrase.id);
    // Counting the index again never takes its version back (a remembered key could come back).
    const beforeRecount = await version();
    await recountClaimMatchIndex(db, actor.teamId);
    expect(await version()).toBeGreaterThan(beforeRecount);
    await expectCountsOfRows(actor.teamId);
  });

  it("marks only the claims named, as the whole article's markers mark them, and follows the index for them too", async () => {
    const { actor, articleB, judged, paraphrase, unrelated } = await setUpTwoArticles("Desk eleven");
    const textB = `${FILLER} ${PARAPHRASE}`;
    const repeat = await claimOn(actor, articleB, textB, "The mayor cut the ribbon.");
    await updateClaimStatement(db, actor, { claimId: repeat.id, revision: 1, statement: "The council opened a new library." });
    const whole = await listMatchMarkers(db, actor.teamId, articleB);
    expect(whole).toEqual({ [paraphrase.id]: "checked-before", [unrelated.id]: "repeat", [repeat.id]: "repeat" });
    for (const id of [paraphrase.id, unrelated.id]) expect(await listMatchMarkers(db, actor.teamId, articleB, { claimIds: [id] })).toEqual({ [id]: whole[id] });
    // Named claims of another article, or none, are not marked.
    expect(await listMatchMarkers(db, actor.teamId, articleB, { claimIds: [judged.id] })).toEqual({});
    // Remembered for those claims, and worked out again once the team's index moves.
    const named = { claimIds: [paraphrase.id] };
    expect(await listMatchMarkers(db, actor.teamId, articleB, named)).toEqual({ [paraphrase.id]: "checked-before" });
    await deleteClaim(db, actor, { claimId: judged.id });
    expect(await listMatchMarkers(db, actor.teamId, articleB, named)).toEqual({});
    await restoreClaim(db, actor, { claimId: judged.id });
    expect(await listMatchMarkers(db, actor.teamId, articleB, named)).toEqual({ [paraphrase.id]: "checked-before" });
  });

  it("counts right when editors judge claims sharing words at the same time", async () => {
    const actor = await setUpTeam("Desk eight");
    const sentences = Array.from({ length: 6 }, (_, i) => `Unemployment rose by ${i + 2}% in region ${i} in 2023, the highest rise in a decade.`);
    const text = sentences.join(" ");
    const articleId = await importArticle(actor, "Regional jobs", text);
    const claims = [];
    for (const sentence of sentences) claims.push(await claimOn(actor, articleId, text, sentence));
    await Promise.all(claims.map((claim) => judge(actor, claim.id)));
    expect(await countOf(actor.teamId, "unemployment")).toBe(6);
    await expectCountsOfRows(actor.teamId);
  });
});

async function countOf(teamId: string, term: string) {
  const row = await db.claimMatchTermCount.findUnique({ where: { teamId_term: { teamId, term } }, select: { claims: true } });
  return row?.claims ?? 0;
}

/** The kept counts are what counting the index rows gives (terms counted 0 may stay as rows). */
async function expectCountsOfRows(teamId: string) {
  const rows = await db.claimMatchTerm.groupBy({ by: ["term"], where: { teamId }, _count: { _all: true } });
  const kept = await db.claimMatchTermCount.findMany({ where: { teamId, claims: { not: 0 } }, select: { term: true, claims: true } });
  const sortByTerm = <T extends { term: string }>(list: T[]) => list.sort((a, b) => (a.term < b.term ? -1 : 1));
  expect(sortByTerm(kept)).toEqual(sortByTerm(rows.map((row) => ({ term: row.term, claims: row._count._all }))));
  const entries = await db.claimMatchEntry.aggregate({ where: { teamId }, _count: { _all: true }, _sum: { length: true } });
  const total = await db.claimMatchTotal.findUnique({ where: { teamId } });
  expect({ claims: total?.claims ?? 0, length: total?.length ?? 0 }).toEqual({ claims: entries._count._all, length: entries._sum.length ?? 0 });
}


