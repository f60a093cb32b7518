import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation, removeCitation, updateCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import type { ClaimEventType } from "@/lib/claims/events";
import { createClaim, mergeClaims, moveClaim, splitClaim, updateClaimStatement } from "@/lib/claims/mutations";
import { renderReportClaimReview } from "@/lib/reports/formats/claimreview";
import { REPORT_RENDERERS } from "@/lib/reports/render";
import { exportReport } from "@/lib/reports/test-fixtures";
import { captureCitation } from "@/lib/sources/capture";
import { mergeSources } from "@/lib/sources/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { assignClaim, bulkUpdateClaims } from "./assignment";
import { addComment } from "./comments";
import { digestJudgement } from "./judgement";
import { giveVerdict, setClaimStatus, signOffVerdict } from "./mutations";
import { getClaimDetail, listAwaitingSignOff } from "./queries";
import { verificationSettingsSchema } from "./schema";
import { updateVerificationSettings } from "./settings-mutations";
import type { Verdict } from "./verdicts";

const db = setUpTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed the bill in committee. Sokov doubts it will pass.";
const FIRST = "The Duma bill lets firms keep private armies.";
const RATIONALE = "The bill's text on the Duma site says the opposite of this.";
const PASSAGE = "Companies may not keep armed units.";

/**
 * A team that requires a second editor's sign-off, with one article: Ana (an editor) gives
 * the first claim a verdict on one citation, Ben (another editor) signs it off.
 */
async function setUpSignedOff({ verdict = "false" as Verdict, origin = false, second = false } = {}) {
  const ana = await createTestUser(db, { name: "Ana Editor" });
  const ben = await createTestUser(db, { name: "Ben Second" });
  const team = await createTeam(db, { name: "Desk", userId: ana.id });
  await db.membership.create({ data: { teamId: team.id, userId: ben.id, role: "editor" } });
  const actor = { teamId: team.id, userId: ana.id };
  const signer = { teamId: team.id, userId: ben.id };
  await updateVerificationSettings(db, actor, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "origin_or_two_independent", requireSignOff: "on" }));
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", outlet: "Insider", url: "https://insider.example/armies", text: TEXT, removedLines: [] }));
  const claims = [];
  for (const sentence of TEXT.split(/(?<=\.) /)) {
    const start = TEXT.indexOf(sentence);
    claims.push(await createClaim(db, actor, { articleId, start, end: start + sentence.length }));
  }
  const claimId = claims[0].id;
  const citation = await addCitation(db, actor, addCitationSchema.parse({
    claimId, sourceName: "Duma bill", sourceKind: "document", relation: verdict === "false" ? "contradicts" : "states", url: "https://duma.example/bill", passage: PASSAGE, isOrigin: origin ? "on" : undefined,
  }));
  const wire = second ? await addCitation(db, actor, addCitationSchema.parse({ claimId, sourceName: "Wire agency", relation: "contradicts" })) : null;
  await giveVerdict(db, actor, { claimId, revision: await revisionOf(claimId), verdict, rationale: RATIONALE });
  await signOffVerdict(db, signer, { claimId, revision: await revisionOf(claimId) });
  return { ana, ben, team, actor, signer, articleId, claimId, claimIds: claims.map((claim) => claim.id), citation, wire };
}

const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;
const claimRow = (claimId: string) => db.claim.findUniqueOrThrow({ where: { id: claimId } });
const eventsOf = async (claimId: string, types: ClaimEventType[]) =>
  (await db.claimEvent.findMany({ where: { claimId, type: { in: types } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((event) => ({ type: event.type, from: event.fromValue, note: event.note }));

/** What every format of the report says of the claim's sign-off (no other claim of the article is signed off). */
async function reportSignOff(teamId: string, articleId: string, claimId: string) {
  const report = await exportReport(db, teamId, articleId, { finalOnly: false });
  const claim = report.claims.find((entry) => entry.id === claimId)!;
  const texts = Object.fromEntries(Object.entries(REPORT_RENDERERS).map(([format, renderer]) => [format, renderer.render(report, {})]));
  // The history names Ben as the one who signed off (that stays true); these say the claim is signed off.
  const signOffShown: Record<string, RegExp> = {
    html: /Signed off(?:\s|<[^>]+>)*Ben Second/, md: /Signed off\s*\|\s*Ben Second/, csv: /Ben Second/, json: /"signedOffBy": "Ben Second"/, claimreview: /Ben Second/,
  };
  return {
    signedOffBy: claim.signedOffBy, signedOffAt: claim.signedOffAt, verdictState: claim.verdictState, isFinal: claim.isFinal,
    printsSignOff: Object.entries(texts).filter(([format, text]) => signOffShown[format].test(text)).map(([format]) => format),
    claimReviews: JSON.parse(renderReportClaimReview(report)) as { claimReviewed: string; reviewRating: { alternateName: string } }[],
  };
}

describe("the sign-off bypass the probe found", () => {
  it("rewriting the statement and removing the only citation withdraws the sign-off and the verdict, Done is refused, and ClaimReview states nothing", async () => {
    const { ana, team, actor, articleId, claimId, citation } = await setUpSignedOff();
    expect(await reportSignOff(team.id, articleId, claimId)).toMatchObject({
      signedOffBy: "Ben Second", verdictState: "final", printsSignOff: ["html", "md", "csv", "json"], claimReviews: [{ claimReviewed: FIRST, reviewRating: { alternateName: "False" } }],
    });

    const rewritten = "The Duma bill bans private armies outright.";
    await updateClaimStatement(db, actor, { claimId, revision: await revisionOf(claimId), statement: rewritten });
    await removeCitation(db, actor, { citationId: citation.id });
    await expect(setClaimStatus(db, actor, { claimId, revision: await revisionOf(claimId), status: "done" })).rejects.toThrow(/only once it has a final verdict/);

    expect(await claimRow(claimId)).toMatchObject({ statement: rewritten, verdict: null, rationale: null, signedOffById: null, signedOffDigest: null, status: "needs_review" });
    expect(await eventsOf(claimId, ["sign_off_withdrawn", "verdict_withdrawn"])).toEqual([
      { type: "sign_off_withdrawn", from: "False", note: "The statement was edited, so the sign-off no longer covers the claim; the verdict awaits a new sign-off." },
      { type: "verdict_withdrawn", from: "False", note: "The citation of Duma bill was removed, and the verdict no longer holds: ‘False’ needs at least one citation; this claim has none." },
    ]);
    const history = await db.claimEvent.findMany({ where: { claimId, type: { in: ["sign_off_withdrawn", "verdict_withdrawn"] } } });
    expect(history.every((event) => event.actorId === ana.id)).toBe(true);
    expect(await reportSignOff(team.id, articleId, claimId)).toMatchObject({ signedOffBy: null, verdictState: "none", printsSignOff: [], claimReviews: [] });
  });

  it("after the statement alone is rewritten, the verdict stays but awaits a new sign-off: not Done, not in ClaimReview", async () => {
    const { team, actor, signer, articleId, claimId } = await setUpSignedOff();
    await setClaimStatus(db, actor, { claimId, revision: await revisionOf(claimId), status: "done" });
    await updateClaimStatement(db, actor, { claimId, revision: await revisionOf(claimId), statement: "The Duma bill bans private armies outright." });

    expect(await claimRow(claimId)).toMatchObject({ verdict: "false", signedOffById: null, status: "needs_review" });
    expect((await eventsOf(claimId, ["status_changed"])).at(-1)).toMatchObject({ note: "Sign-off withdrawn; the verdict awaits a new one" });
    await expect(setClaimStatus(db, actor, { claimId, revision: await revisionOf(claimId), status: "done" })).rejects.toThrow(/final verdict/);
    const bulk = await bulkUpdateClaims(db, actor, { articleId, claimIds: [claimId], status: "done" });
    expect(bulk).toMatchObject({ updated: 0, skipped: [{ claimId, reason: expect.stringMatching(/final verdict/) }] });
    expect(await reportSignOff(team.id, articleId, claimId)).toMatchObject({ signedOffBy: null, verdictState: "awaiting_sign_off", isFinal: false, printsSignOff: [], claimReviews: [] });
    expect((await getClaimDetail(db, team.id, claimId))?.claim.signedOffBy).toBeNull();

    // A second editor signs off the new wording; then it is final again.
    await signOffVerdict(db, signer, { claimId, revision: await revisionOf(claimId) });
    await setClaimStatus(db, actor, { claimId, revision: await revisionOf(claimId), status: "done" });
    expect(await reportSignOff(team.id, articleId, claimId)).toMatchObject({ signedOffBy: "Ben Second", claimReviews: [{ claimReviewed: "The Duma bill bans private armies outright." }] });
  });
});

type Fixture = Awaited<ReturnType<typeof setUpSignedOff>>;
const citationRow = (id: string) => db.citation.findUniqueOrThrow({ where: { id } });
const edit = async (fixture: Fixture, fields: Record<string, unknown>) => {
  const row = await citationRow(fixture.citation.id);
  await updateCitation(db, fixture.actor, {
    citationId: row.id, revision: row.revision, sourceId: row.sourceId, relation: row.relation as "contradicts", url: row.url ?? undefined,
    passage: row.passage ?? undefined, viaCitationId: row.viaCitationId ?? undefined, isOrigin: row.isOrigin, ...fields,
  });
};
const page = (text: string) => async (url: string) => ({ finalUrl: url, httpStatus: 200, contentType: "text/html", text });

/** Each change to what was judged, with the reason its history entry gives. */
const CHANGES: { name: string; change: (fixture: Fixture) => Promise<unknown>; reason: RegExp; second?: boolean }[] = [
  { name: "statement edited", reason: /^The statement was edited/, change: async (f) => updateClaimStatement(db, f.actor, { claimId: f.claimId, revision: await revisionOf(f.claimId), statement: "Firms may keep armies." }) },
  { name: "claim split", reason: /^The claim was split/, change: async (f) => splitClaim(db, f.actor, { claimId: f.claimId, revision: await revisionOf(f.claimId), at: FIRST.indexOf(" lets") }) },
  { name: "claims merged into it", reason: /^Other claims were merged into this one/, change: (f) => mergeClaims(db, f.actor, { claimIds: [f.claimId, f.claimIds[1]] }) },
  { name: "citation added", reason: /^A citation of Reuters was added/, change: (f) => addCitation(db, f.actor, addCitationSchema.parse({ claimId: f.claimId, sourceName: "Reuters", relation: "contradicts" })) },
  { name: "cited passage edited", reason: /^The citation of Duma bill was edited/, change: (f) => edit(f, { passage: "Companies may keep armed units." }) },
  { name: "citation's relation edited", reason: /^The citation of Duma bill was edited/, change: (f) => edit(f, { relation: "context" }) },
  { name: "citation's address edited", reason: /^The citation of Duma bill was edited/, change: (f) => edit(f, { url: "https://duma.example/other-bill" }) },
  { name: "citation marked as the origin", reason: /^The citation of Duma bill was edited/, change: (f) => edit(f, { isOrigin: true }) },
  {
    name: "citation's source changed", reason: /^The citation of Duma bill was edited/,
    change: async (f) => edit(f, { sourceId: (await db.source.create({ data: { teamId: f.team.id, name: "Kremlin", nameKey: "kremlin", kind: "organisation", createdById: f.ana.id } })).id }),
  },
  { name: "citation now cited via another", second: true, reason: /^The citation of Duma bill was edited/, change: (f) => edit(f, { viaCitationId: f.wire!.id }) },
  { name: "citation removed (another one left)", second: true, reason: /^The citation of Duma bill was removed/, change: (f) => removeCitation(db, f.actor, { citationId: f.citation.id }) },
  {
    name: "cited source merged into another", reason: /^Duma bill was merged into State Duma in the source registry/,
    change: async (f) => {
      const kept = await db.source.create({ data: { teamId: f.team.id, name: "State Duma", nameKey: "state duma", kind: "organisation", createdById: f.ana.id } });
      await mergeSources(db, f.actor, { keepId: kept.id, mergeIds: [f.citation.sourceId] });
    },
  },
  {
    name: "new article version rewords the quote", reason: /^In version 2 of the article the quoted passage changed/,
    change: (f) => saveImport(db, f.actor, saveImportSchema.parse({ articleId: f.articleId, title: "Armies", text: TEXT.replace("lets firms keep", "would let firms keep"), removedLines: [] })),
  },
  {
    name: "new article version drops the quote", reason: /^In version 2 of the article the quoted passage is no longer in the article/,
    change: (f) => saveImport(db, f.actor, saveImportSchema.parse({ articleId: f.articleId, title: "Armies", text: TEXT.replace(`${FIRST} `, "The weather was mild all week. "), removedLines: [] })),
  },
  {
    name: "a capture finds the cited passage gone", reason: /^A capture found that the cited passage is no longer on the cited page/,
    change: async (f) => {
      await captureCitation(db, f.actor, { citationId: f.citation.id }, { fetchPage: page(`Minutes. ${PASSAGE} Adopted.`) });
      await captureCitation(db, f.actor, { citationId: f.citation.id }, { fetchPage: page("Minutes. The bill was withdrawn.") });
    },
  },
];

describe("every change to what was judged withdraws the sign-off, in the same transaction, with the reason", () => {
  it.each(CHANGES)("$name", async ({ change, reason, second }) => {
    const fixture = await setUpSignedOff({ second });
    await change(fixture);
    const claim = await claimRow(fixture.claimId);
    expect(claim).toMatchObject({ signedOffById: null, signedOffAt: null, signedOffDigest: null });
    const withdrawn = (await eventsOf(fixture.claimId, ["sign_off_withdrawn"]));
    expect(withdrawn[0]?.note).toMatch(reason);
    expect(withdrawn[0]?.note).toMatch(/so the sign-off no longer covers the claim/);
    const report = await reportSignOff(fixture.team.id, fixture.articleId, fixture.claimId);
    expect(report).toMatchObject({ signedOffBy: null, isFinal: false, printsSignOff: [], claimReviews: [] });
    if (claim.verdict) await expect(setClaimStatus(db, fixture.actor, { claimId: fixture.claimId, revision: claim.revision, status: "done" })).rejects.toThrow(/final verdict/);
  });

  it("while work that does not touch the judgement leaves it signed off", async () => {
    const fixture = await setUpSignedOff();
    await edit(fixture, { note: "Seen on the Duma site on Monday." });
    await addComment(db, fixture.actor, { claimId: fixture.claimId, body: "Ask the press office." });
    await assignClaim(db, fixture.actor, { claimId: fixture.claimId, assigneeId: fixture.ben.id });
    await moveClaim(db, fixture.actor, { claimId: fixture.claimId, direction: "down" });
    await addCitation(db, fixture.actor, addCitationSchema.parse({ claimId: fixture.claimIds[1], sourceName: "Kartapolov", relation: "states" }));
    await saveImport(db, fixture.actor, saveImportSchema.parse({ articleId: fixture.articleId, title: "Armies", text: `${TEXT} A new closing paragraph.`, removedLines: [] }));
    expect(await claimRow(fixture.claimId)).toMatchObject({ signedOffById: fixture.ben.id });
    expect(await eventsOf(fixture.claimId, ["sign_off_withdrawn"])).toEqual([]);
    expect(await reportSignOff(fixture.team.id, fixture.articleId, fixture.claimId)).toMatchObject({ signedOffBy: "Ben Second", isFinal: true });
  });
});

describe("a verdict that no longer holds is withdrawn with the sign-off", () => {
  it("'accurate' whose origin is unmarked loses its verdict, and a Done claim goes back in progress", async () => {
    const fixture = await setUpSignedOff({ verdict: "accurate", origin: true });
    await setClaimStatus(db, fixture.actor, { claimId: fixture.claimId, revision: await revisionOf(fixture.claimId), status: "done" });
    await edit(fixture, { isOrigin: false });
    expect(await claimRow(fixture.claimId)).toMatchObject({ verdict: null, signedOffById: null, status: "in_progress" });
    expect(await eventsOf(fixture.claimId, ["verdict_withdrawn"])).toEqual([{
      type: "verdict_withdrawn", from: "Accurate",
      note: "The citation of Duma bill was edited, and the verdict no longer holds: ‘Accurate’ needs the origin reached, or two chains that end at different sources; this claim's only chain stops at Duma bill, which is not marked as the origin.",
    }]);
  });
});

describe("what the report and the Done check rely on is structural", () => {
  it("a claim changed behind the app's back (the statement, a cited passage) shows no sign-off and cannot be done", async () => {
    const fixture = await setUpSignedOff();
    await db.claim.update({ where: { id: fixture.claimId }, data: { statement: "Something else entirely." } });
    expect(await reportSignOff(fixture.team.id, fixture.articleId, fixture.claimId)).toMatchObject({ signedOffBy: null, signedOffAt: null, isFinal: false, printsSignOff: [], claimReviews: [] });
    expect((await getClaimDetail(db, fixture.team.id, fixture.claimId))?.claim).toMatchObject({ signedOffBy: null, signedOffAt: null });
    await expect(setClaimStatus(db, fixture.actor, { claimId: fixture.claimId, revision: await revisionOf(fixture.claimId), status: "done" })).rejects.toThrow(/final verdict/);

    await db.claim.update({ where: { id: fixture.claimId }, data: { statement: FIRST } });
    expect(await reportSignOff(fixture.team.id, fixture.articleId, fixture.claimId)).toMatchObject({ signedOffBy: "Ben Second" });
    await db.citation.update({ where: { id: fixture.citation.id }, data: { passage: "Something the bill never said." } });
    expect(await reportSignOff(fixture.team.id, fixture.articleId, fixture.claimId)).toMatchObject({ signedOffBy: null, claimReviews: [] });
  });

  it("a sign-off recorded before digests were kept counts as none: the claim waits for a sign-off again, and a second editor can give it", async () => {
    const fixture = await setUpSignedOff();
    await db.claim.update({ where: { id: fixture.claimId }, data: { signedOffDigest: null } });
    expect(await reportSignOff(fixture.team.id, fixture.articleId, fixture.claimId)).toMatchObject({ signedOffBy: null, verdictState: "awaiting_sign_off" });
    expect((await listAwaitingSignOff(db, fixture.team.id, fixture.ben.id)).map((claim) => claim.id)).toEqual([fixture.claimId]);
    await signOffVerdict(db, fixture.signer, { claimId: fixture.claimId, revision: await revisionOf(fixture.claimId) });
    expect(await reportSignOff(fixture.team.id, fixture.articleId, fixture.claimId)).toMatchObject({ signedOffBy: "Ben Second", verdictState: "final" });
    await expect(signOffVerdict(db, fixture.signer, { claimId: fixture.claimId, revision: await revisionOf(fixture.claimId) })).rejects.toThrow(/already signed off/);
  });

  it("the digest covers the statement, quote, verdict, rationale and each cited field, in any order of citations", () => {
    const claim = { statement: "s", quote: "q", verdict: "false", rationale: "r" };
    const citation = { id: "c1", sourceId: "s1", url: "https://a.example", passage: "p", relation: "states", viaCitationId: null, isOrigin: false };
    const other = { ...citation, id: "c2", sourceId: "s2" };
    const digest = digestJudgement(claim, [citation, other]);
    expect(digestJudgement(claim, [other, citation])).toBe(digest);
    for (const changed of [{ statement: "t" }, { quote: "t" }, { verdict: "accurate" }, { rationale: "t" }]) {
      expect(digestJudgement({ ...claim, ...changed }, [citation, other])).not.toBe(digest);
    }
    for (const changed of [{ sourceId: "s3" }, { url: null }, { passage: "t" }, { relation: "context" }, { viaCitationId: "c2" }, { isOrigin: true }]) {
      expect(digestJudgement(claim, [{ ...citation, ...changed }, other])).not.toBe(digest);
    }
    expect(digestJudgement(claim, [citation])).not.toBe(digest);
  });

  it("a sign-off from a page loaded before the evidence changed is refused as stale", async () => {
    const fixture = await setUpSignedOff();
    await updateClaimStatement(db, fixture.actor, { claimId: fixture.claimId, revision: await revisionOf(fixture.claimId), statement: "Firms may keep armies." });
    const seen = await revisionOf(fixture.claimId);
    await addCitation(db, fixture.actor, addCitationSchema.parse({ claimId: fixture.claimId, sourceName: "Reuters", relation: "contradicts" }));
    await expect(signOffVerdict(db, fixture.signer, { claimId: fixture.claimId, revision: seen })).rejects.toThrow(/added a citation .* while you were editing/);
  });
});
