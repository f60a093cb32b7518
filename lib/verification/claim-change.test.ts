import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim, markAnchorReviewed, updateClaimStatement } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { assignClaim, bulkUpdateClaims } from "./assignment";
import type { ClaimChange } from "./claim-change";
import { addComment } from "./comments";
import { giveVerdict, setClaimStatus, signOffVerdict, withdrawVerdict } from "./mutations";
import { getClaimDetail, type ClaimDetail } from "./queries";
import { verificationSettingsSchema } from "./schema";
import { updateVerificationSettings } from "./settings-mutations";

// A change answers with what it did, so the page that asked can show it without loading the
// claim again: applying the answer to what the page showed must give what a reload shows.
const db = setUpTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass.";
const RATIONALE = "The bill's text on the Duma site says exactly this.";

async function setUp() {
  const owner = await createTestUser(db, { name: "Olga Owner" });
  const second = await createTestUser(db, { name: "Sam Second" });
  const team = await createTeam(db, { name: "Desk", userId: owner.id });
  await db.membership.create({ data: { teamId: team.id, userId: second.id, role: "editor" } });
  const actor = { teamId: team.id, userId: owner.id };
  await updateVerificationSettings(db, actor, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "origin_or_two_independent", requireSignOff: "on" }));
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const claim = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(".") + 1 });
  await addCitation(db, actor, addCitationSchema.parse({ claimId: claim.id, relation: "states", sourceName: "Duma bill", isOrigin: "on" }));
  return { actor, signer: { teamId: team.id, userId: second.id }, second, teamId: team.id, articleId, claimId: claim.id };
}

/** The claim page's fields an answer carries (the workspace also reads `previousQuote`, checked apart). */
const answerFields = [
  "revision", "statement", "status", "anchorState", "verdict", "rationale", "verdictAt", "verdictBy", "signedOffBy", "signedOffAt", "assignee",
] as const;

/** Runs `change` between two reads of the claim page and checks its answer against the second. */
async function expectAnswerAsReloaded(teamId: string, claimId: string, change: (before: ClaimDetail) => Promise<ClaimChange>) {
  const before = (await getClaimDetail(db, teamId, claimId))!;
  const answer = await change(before);
  const after = (await getClaimDetail(db, teamId, claimId))!;
  const known = new Set([...before.events, ...before.comments].map((row) => row.id));
  expect(answer.since).toBe(before.claim.revision);
  for (const field of answerFields) expect(answer.claim[field], field).toEqual(after.claim[field]);
  expect(answer.events).toEqual(after.events.filter((event) => !known.has(event.id)));
  expect(answer.comments).toEqual(after.comments.filter((comment) => !known.has(comment.id)));
  return { answer, after };
}

describe("a change's answer is what a reload of the claim shows", () => {
  it("for the state, a verdict, a sign-off, done, and a withdrawal", async () => {
    const { actor, signer, teamId, claimId } = await setUp();
    const expectAnswer = (change: (before: ClaimDetail) => Promise<ClaimChange>) => expectAnswerAsReloaded(teamId, claimId, change);
    await expectAnswer((before) => setClaimStatus(db, actor, { claimId, revision: before.claim.revision, status: "in_progress" }));
    const given = await expectAnswer((before) => giveVerdict(db, actor, { claimId, revision: before.claim.revision, verdict: "accurate", rationale: RATIONALE }));
    expect(given.answer).toMatchObject({ needsSignOff: true, claim: { status: "needs_review", verdictLabel: "Accurate", signedOffBy: null } });
    expect(given.answer.events.map((event) => event.type)).toEqual(["status_changed", "verdict_given"]);
    const signed = await expectAnswer((before) => signOffVerdict(db, signer, { claimId, revision: before.claim.revision }));
    expect(signed.answer.claim.signedOffBy?.name).toBe("Sam Second");
    expect(signed.answer.events[0]?.actor.name).toBe("Sam Second");
    await expectAnswer((before) => setClaimStatus(db, actor, { claimId, revision: before.claim.revision, status: "done" }));
    const withdrawn = await expectAnswer((before) => withdrawVerdict(db, actor, { claimId, revision: before.claim.revision, note: "New evidence" }));
    expect(withdrawn.after.claim).toMatchObject({ verdict: null, status: "in_progress" });
  });

  it("for a statement edit that withdraws the sign-off it no longer matches", async () => {
    const { actor, signer, teamId, claimId } = await setUp();
    await giveVerdict(db, actor, { claimId, revision: 1, verdict: "accurate", rationale: RATIONALE });
    await signOffVerdict(db, signer, { claimId, revision: 2 });
    const { answer } = await expectAnswerAsReloaded(teamId, claimId, (before) =>
      updateClaimStatement(db, actor, { claimId, revision: before.claim.revision, statement: "The Duma bill lets every firm keep an army." }),
    );
    expect(answer.events.map((event) => event.type)).toEqual(["sign_off_withdrawn", "edited"]);
    expect(answer.claim).toMatchObject({ signedOffBy: null, verdictLabel: "Accurate" });
  });

  it("for an assignment, the same assignment again, and a comment", async () => {
    const { actor, second, teamId, claimId } = await setUp();
    const expectAnswer = (change: (before: ClaimDetail) => Promise<ClaimChange>) => expectAnswerAsReloaded(teamId, claimId, change);
    const assigned = await expectAnswer(() => assignClaim(db, actor, { claimId, assigneeId: second.id }));
    expect(assigned.answer.claim.assignee).toEqual({ id: second.id, name: "Sam Second" });
    const again = await expectAnswer(() => assignClaim(db, actor, { claimId, assigneeId: second.id }));
    expect(again.answer.events).toEqual([]);
    const commented = await expectAnswer(() => addComment(db, actor, { claimId, body: "Ask the Duma press office." }));
    expect(commented.answer.comments.map((comment) => [comment.body, comment.author.name])).toEqual([["Ask the Duma press office.", "Olga Owner"]]);
  });

  it("for a re-anchored passage marked as reviewed", async () => {
    const { actor, teamId, claimId } = await setUp();
    await db.claim.update({ where: { id: claimId }, data: { anchorState: "changed", previousQuote: "The Duma bill lets firms keep armies." } });
    const { answer } = await expectAnswerAsReloaded(teamId, claimId, (before) => markAnchorReviewed(db, actor, { claimId, revision: before.claim.revision }));
    expect(answer.claim).toMatchObject({ anchorState: "anchored", previousQuote: null });
  });

  it("leaves out a sign-off that covers nothing, as the page does (one recorded before sign-offs kept what they covered)", async () => {
    const { actor, signer, teamId, claimId } = await setUp();
    await giveVerdict(db, actor, { claimId, revision: 1, verdict: "accurate", rationale: RATIONALE });
    await db.claim.update({ where: { id: claimId }, data: { signedOffById: signer.userId, signedOffAt: new Date(), signedOffDigest: null } });
    const { answer } = await expectAnswerAsReloaded(teamId, claimId, () => addComment(db, actor, { claimId, body: "Who signed this off?" }));
    expect(answer.claim).toMatchObject({ signedOffBy: null, signedOffAt: null });
  });

  it("names the revision the change was made on, so a page that showed an older one knows it missed something", async () => {
    const { actor, signer, second, teamId, claimId } = await setUp();
    await setClaimStatus(db, signer, { claimId, revision: 1, status: "in_progress" });
    const answer = await assignClaim(db, actor, { claimId, assigneeId: second.id });
    expect(answer.since).toBe(2);
    expect(answer.claim.revision).toBe(3);
    expect((await getClaimDetail(db, teamId, claimId))!.claim.revision).toBe(3);
  });
});

describe("a bulk update", () => {
  it("answers with each changed claim as it now stands, and the revision it was changed on", async () => {
    const { actor, second, teamId, articleId, claimId } = await setUp();
    const other = await createClaim(db, actor, { articleId, start: TEXT.indexOf("Sokov"), end: TEXT.length });
    await setClaimStatus(db, actor, { claimId: other.id, revision: 1, status: "in_progress" });
    const result = await bulkUpdateClaims(db, actor, { articleId, claimIds: [claimId, other.id], status: "in_progress", assigneeId: second.id });
    expect(result.updated).toBe(2);
    const byId = new Map(result.claims.map((claim) => [claim.id, claim]));
    expect(byId.get(claimId)?.since).toBe(1);
    expect(byId.get(other.id)?.since).toBe(2);
    for (const id of [claimId, other.id]) {
      const reloaded = (await getClaimDetail(db, teamId, id))!.claim;
      for (const field of answerFields) expect(byId.get(id)?.[field], field).toEqual(reloaded[field]);
    }
    const unchanged = await bulkUpdateClaims(db, actor, { articleId, claimIds: [claimId], status: "in_progress" });
    expect(unchanged).toEqual({ updated: 0, skipped: [], claims: [] });
  });
});
