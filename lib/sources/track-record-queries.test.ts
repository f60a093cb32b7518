import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation, removeCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim, deleteClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { giveVerdict } from "@/lib/verification/mutations";
import type { Verdict } from "@/lib/verification/verdicts";
import { countQueries, createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { getSourceTrackRecord, listTrackSummaries } from "./track-record-queries";

const db = setUpTestDatabase({ logQueries: true });
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass. The Kremlin denied any plan.";
const RATIONALE = "Checked against the bill's published text and the committee record.";

type Actor = { teamId: string; userId: string };

async function setUpTeam(name = "Desk") {
  const user = await createTestUser(db, { name: "Ada Reporter" });
  const team = await createTeam(db, { name, userId: user.id });
  const actor: Actor = { teamId: team.id, userId: user.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: `Private armies (${name})`, text: TEXT, removedLines: [] }));
  return { actor, articleId };
}

async function claimOn(desk: { actor: Actor; articleId: string }, sentence: string) {
  const start = TEXT.indexOf(sentence);
  return createClaim(db, desk.actor, { articleId: desk.articleId, start, end: start + sentence.length });
}

/** Cites `names` as one chain, the article's citation first, the last one marked as the origin when `marked`. */
async function citeChain(actor: Actor, claimId: string, names: string[], options: { marked?: boolean; relation?: string } = {}) {
  let previous: { id: string; sourceId: string } | null = null;
  const added: { id: string; sourceId: string }[] = [];
  for (const [index, name] of names.entries()) {
    const isLast = index === names.length - 1;
    const citation = await addCitation(db, actor, addCitationSchema.parse({
      claimId, sourceName: name, relation: options.relation ?? "states", relaysForId: previous?.id, isOrigin: isLast && options.marked ? "on" : undefined,
    }));
    previous = citation;
    added.push(citation);
  }
  return added;
}

async function judge(actor: Actor, claimId: string, verdict: Verdict, at?: string) {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true } });
  await giveVerdict(db, actor, { claimId, revision: claim.revision, verdict, rationale: RATIONALE });
  // The verdict given on that day: the desk's history as it would be months later.
  if (at) await db.claim.update({ where: { id: claimId }, data: { verdictAt: new Date(at) } });
}

async function setUpHistory() {
  const desk = await setUpTeam();
  const { actor } = desk;
  const bill = await claimOn(desk, "The Duma bill lets firms keep private armies.");
  const [insider, , billSource] = await citeChain(actor, bill.id, ["Business Insider", "The Daily Beast", "the Duma bill"], { marked: true });
  await judge(actor, bill.id, "accurate", "2026-08-14T10:00:00Z");
  const backed = await claimOn(desk, "Kartapolov backed it.");
  await citeChain(actor, backed.id, ["the Duma bill"], { marked: true });
  await citeChain(actor, backed.id, ["The Daily Beast"], { relation: "contradicts" });
  await judge(actor, backed.id, "false", "2026-11-02T10:00:00Z");
  const doubts = await claimOn(desk, "Sokov doubts it will pass.");
  await citeChain(actor, doubts.id, ["Business Insider"]);
  await citeChain(actor, doubts.id, ["Nikolai Sokov"]);
  await judge(actor, doubts.id, "misleading", "2026-11-20T10:00:00Z");
  // Not counted: a claim without a verdict, a deleted claim, a citation removed.
  const denied = await claimOn(desk, "The Kremlin denied any plan.");
  const [removed] = await citeChain(actor, denied.id, ["the Duma bill"], { marked: true });
  await citeChain(actor, denied.id, ["Business Insider"]);
  await citeChain(actor, denied.id, ["The Daily Beast"]);
  await judge(actor, denied.id, "unsubstantiated", "2026-05-05T10:00:00Z");
  await removeCitation(db, actor, { citationId: removed.id });
  const pending = await claimOn(desk, "Kartapolov backed it.");
  await citeChain(actor, pending.id, ["the Duma bill"], { marked: true });
  const gone = await claimOn(desk, "Kartapolov backed it.");
  await citeChain(actor, gone.id, ["the Duma bill"], { marked: true });
  await judge(actor, gone.id, "false");
  await deleteClaim(db, actor, { claimId: gone.id });
  return { ...desk, claims: { bill: bill.id, backed: backed.id, doubts: doubts.id, denied: denied.id }, sources: { bill: billSource.sourceId, insider: insider.sourceId } };
}

// Each test builds a desk through the real mutations (some forty transactions): slow on a busy PostgreSQL.
describe("listTrackSummaries", { timeout: 90_000 }, () => {
  it("counts each source's verdicts as origin and as relay, live claims and citations only", async () => {
    const { actor, sources } = await setUpHistory();
    const summaries = await listTrackSummaries(db, actor.teamId);
    expect(summaries.get(sources.bill)).toEqual({
      origin: { claims: 2, verdicts: { accurate: 1, misleading: 0, false: 1, unsubstantiated: 0, not_checkable: 0 } },
      relay: { claims: 0, verdicts: { accurate: 0, misleading: 0, false: 0, unsubstantiated: 0, not_checkable: 0 } },
    });
    expect(summaries.get(sources.insider)).toEqual({
      origin: { claims: 0, verdicts: { accurate: 0, misleading: 0, false: 0, unsubstantiated: 0, not_checkable: 0 } },
      relay: { claims: 3, verdicts: { accurate: 1, misleading: 1, false: 0, unsubstantiated: 1, not_checkable: 0 } },
    });
  });

  it("runs two queries however many claims and sources the team has", async () => {
    const desk = await setUpHistory();
    const queries = countQueries(db);
    expect((await listTrackSummaries(db, desk.actor.teamId)).size).toBe(4);
    expect(queries.count).toBe(2);
    const more = await claimOn(desk, "Kartapolov backed it.");
    await citeChain(desk.actor, more.id, ["Reuters", "TASS", "Andrey Kartapolov"], { marked: true });
    await judge(desk.actor, more.id, "accurate");
    queries.reset();
    expect((await listTrackSummaries(db, desk.actor.teamId)).size).toBe(7);
    expect(queries.count).toBe(2);
  });

  it("keeps each team to its own claims and sources", async () => {
    const ours = await setUpHistory();
    const theirs = await setUpTeam("Other desk");
    const claim = await claimOn(theirs, "Kartapolov backed it.");
    await citeChain(theirs.actor, claim.id, ["the Duma bill"], { marked: true });
    await judge(theirs.actor, claim.id, "not_checkable");
    const theirSummaries = await listTrackSummaries(db, theirs.actor.teamId);
    expect([...theirSummaries.values()]).toEqual([expect.objectContaining({ origin: expect.objectContaining({ claims: 1 }) })]);
    expect(theirSummaries.has(ours.sources.bill)).toBe(false);
    expect((await listTrackSummaries(db, ours.actor.teamId)).get(ours.sources.bill)?.origin.claims).toBe(2);
    const foreign = await getSourceTrackRecord(db, theirs.actor.teamId, ours.sources.bill, "quarter", { role: "origin", period: "all", verdict: null });
    expect(foreign.tables.map((table) => table.total.claimIds)).toEqual([[], []]);
    expect(foreign.claims).toEqual([]);
  });
});

describe("getSourceTrackRecord", { timeout: 90_000 }, () => {
  it("tabulates by quarter and lists the claims behind one number with article, verdict and date", async () => {
    const { actor, articleId, claims, sources } = await setUpHistory();
    const record = await getSourceTrackRecord(db, actor.teamId, sources.insider, "quarter", { role: "relay", period: "2026-Q4", verdict: null });
    const [origin, relay] = record.tables;
    expect(origin.rows).toEqual([]);
    expect(relay.rows.map((row) => [row.label, row.claimIds.length, row.cells.misleading.length])).toEqual([
      ["Q4 2026", 1, 1],
      ["Q3 2026", 1, 0],
      ["Q2 2026", 1, 0],
    ]);
    expect(relay.total.claimIds.sort()).toEqual([claims.bill, claims.doubts, claims.denied].sort());
    expect(record.claims).toEqual([
      {
        id: claims.doubts, statement: "Sokov doubts it will pass.", verdict: "misleading", verdictLabel: "Misleading",
        verdictAt: new Date("2026-11-20T10:00:00Z"), status: "in_progress", article: { id: articleId, title: "Private armies (Desk)" }, isStop: true,
      },
    ]);
    const byMonth = await getSourceTrackRecord(db, actor.teamId, sources.bill, "month", { role: "origin", period: "2026-08", verdict: "accurate" });
    expect(byMonth.tables[0].rows.map((row) => row.label)).toEqual(["November 2026", "August 2026"]);
    expect(byMonth.claims.map((claim) => [claim.id, claim.isStop])).toEqual([[claims.bill, false]]);
  });

  it("reads in a fixed number of queries, and lists nothing until a number is chosen", async () => {
    const { actor, sources } = await setUpHistory();
    const queries = countQueries(db);
    const record = await getSourceTrackRecord(db, actor.teamId, sources.insider, "quarter", null);
    expect(queries.count).toBe(3);
    expect(record.claims).toEqual([]);
    queries.reset();
    const listed = await getSourceTrackRecord(db, actor.teamId, sources.insider, "quarter", { role: "relay", period: "all", verdict: null });
    // The listed claims and their articles: two more, however many claims are listed.
    expect(queries.count).toBe(5);
    expect(listed.claims).toHaveLength(3);
  });
});
