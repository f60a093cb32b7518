import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation, removeCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { chainCitationSelect, chainSourceSelect, toChainCitation, toChainSource } from "@/lib/citations/chain-input";
import { createClaim, updateClaimStatement } from "@/lib/claims/mutations";
import { traceClaim } from "@/lib/sources/chain";
import { changeMemberRole, createTeam } from "@/lib/teams/mutations";
import { holdRow, race, refusalsOf, ROUNDS, settleWithin } from "@/tests/race";
import { createTestUser, openTestDatabase } from "@/tests/test-db";
import { assignClaim, bulkUpdateClaims } from "./assignment";
import { isSignOffCurrent } from "./judgement";
import { giveVerdict, setClaimStatus, signOffVerdict } from "./mutations";
import { checkVerdict } from "./rules";
import { verificationSettingsSchema } from "./schema";
import { getVerificationSettings } from "./settings";
import { updateVerificationSettings } from "./settings-mutations";
import { findFinalVerdicts } from "./sign-off";
import { isVerdict } from "./verdicts";

// A verdict, its sign-off and the claim's state, while the claim or its evidence changes at the
// same moment (docs/decisions/0013-concurrent-writes.md): every change to a claim locks it first.
const { db, url } = openTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed the bill in committee.";
const RATIONALE = "The bill's text on the Duma site says exactly this.";

/**
 * A team that requires a sign-off, and a claim whose "accurate" verdict rests on its one cited
 * origin: given by Ana, awaiting Ben's sign-off (or signed off by him, with `signedOff`; not yet
 * given, with `verdict: false`).
 */
async function setUp({ signedOff = false, verdict = true } = {}) {
  const [ana, ben, cy] = [await createTestUser(db), await createTestUser(db), await createTestUser(db)];
  const team = await createTeam(db, { name: "Desk", userId: ana.id });
  await db.membership.createMany({ data: [ben, cy].map((user) => ({ teamId: team.id, userId: user.id, role: "editor" })) });
  const [actor, signer, third] = [ana, ben, cy].map((user) => ({ teamId: team.id, userId: user.id }));
  await updateVerificationSettings(db, actor, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "origin_or_two_independent", requireSignOff: "on" }));
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const claim = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(".") + 1 });
  const origin = await addCitation(db, actor, addCitationSchema.parse({ claimId: claim.id, relation: "states", sourceName: "Duma bill", passage: "Firms may keep armed units.", isOrigin: "on" }));
  if (verdict) await giveVerdict(db, actor, { claimId: claim.id, revision: await revisionOf(claim.id), verdict: "accurate", rationale: RATIONALE });
  if (signedOff) await signOffVerdict(db, signer, { claimId: claim.id, revision: await revisionOf(claim.id) });
  return { actor, signer, third, articleId, claimId: claim.id, originId: origin.id };
}

const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;

/**
 * What must hold however the changes interleave: a recorded sign-off covers what the claim says
 * and cites now; a verdict meets the team's evidence rules on the citations it has now; a claim
 * that is done has a final verdict.
 */
async function expectJudgementHolds(teamId: string, claimId: string) {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
  const citations = await db.citation.findMany({ where: { claimId, deletedAt: null }, select: { ...chainCitationSelect, source: { select: chainSourceSelect } } });
  const settings = await getVerificationSettings(db, teamId);
  if (claim.signedOffById) expect(isSignOffCurrent(claim, citations)).toBe(true);
  if (claim.verdict && isVerdict(claim.verdict)) {
    const chain = citations.map(toChainCitation);
    const trace = traceClaim(chain, citations.map((citation) => toChainSource(citation.source)));
    expect(checkVerdict({ verdict: claim.verdict, rationale: claim.rationale, citations: chain, trace, teamRules: settings.rules })).toMatchObject({ ok: true });
  }
  if (claim.status === "done") expect((await findFinalVerdicts(db as never, settings.rules, [claim])).has(claimId)).toBe(true);
}

const cite = (claimId: string, sourceName: string) => addCitationSchema.parse({ claimId, relation: "corroborates", sourceName });

describe("a sign-off", () => {
  it("given twice at once by two editors is recorded once; the other is refused", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { signer, third, claimId } = await setUp();
      const revision = await revisionOf(claimId);
      const results = await race(() => signOffVerdict(db, signer, { claimId, revision }), () => signOffVerdict(db, third, { claimId, revision }));
      expect(refusalsOf(results)).toHaveLength(1);
      expect(await db.claimEvent.count({ where: { claimId, type: "verdict_signed_off" } })).toBe(1);
    }
  });

  it("given while the statement is edited covers what the claim says, or is not given", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, signer, claimId } = await setUp();
      const revision = await revisionOf(claimId);
      await race(
        () => signOffVerdict(db, signer, { claimId, revision }),
        () => updateClaimStatement(db, actor, { claimId, revision, statement: "The Duma bill lets every firm keep a private army." }),
      );
      await expectJudgementHolds(actor.teamId, claimId);
    }
  });

  it("given while a citation is added covers the evidence as it ends up, or is not given", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, signer, claimId } = await setUp();
      const revision = await revisionOf(claimId);
      await race(() => signOffVerdict(db, signer, { claimId, revision }), () => addCitation(db, actor, cite(claimId, "Interfax")));
      await expectJudgementHolds(actor.teamId, claimId);
    }
  });
});

describe("the team's verification settings saved twice at the same moment", () => {
  it("from forms loaded at one revision: one save stands, the other is refused as stale", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, signer } = await setUp({ verdict: false });
      const save = (who: typeof actor, requireSignOff: string) => () =>
        updateVerificationSettings(db, who, verificationSettingsSchema.parse({ revision: 2, accurateNeeds: "one_citation", requireSignOff }));
      const results = await race(save(actor, "on"), save(signer, "off"));
      expect(refusalsOf(results)).toEqual([expect.stringMatching(/Your change was not saved/)]);
      expect((await getVerificationSettings(db, actor.teamId)).revision).toBe(3);
    }
  });
});

describe("a verdict and the claim's state while the evidence changes", () => {
  it("done while the sign-off lapses (a citation added): the claim is not left done without a final verdict", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claimId } = await setUp({ signedOff: true });
      const revision = await revisionOf(claimId);
      await race(() => setClaimStatus(db, actor, { claimId, revision, status: "done" }), () => addCitation(db, actor, cite(claimId, "Interfax")));
      await expectJudgementHolds(actor.teamId, claimId);
    }
  });

  it("done in bulk while the sign-off lapses: the claim is not left done without a final verdict", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, articleId, claimId } = await setUp({ signedOff: true });
      await race(() => bulkUpdateClaims(db, actor, { articleId, claimIds: [claimId], status: "done" }), () => addCitation(db, actor, cite(claimId, "Interfax")));
      await expectJudgementHolds(actor.teamId, claimId);
    }
  });

  it("“accurate” given while its only origin is removed: the verdict does not stand on nothing", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claimId, originId } = await setUp({ verdict: false });
      const revision = await revisionOf(claimId);
      await race(
        () => giveVerdict(db, actor, { claimId, revision, verdict: "accurate", rationale: RATIONALE }),
        () => removeCitation(db, actor, { citationId: originId }),
      );
      await expectJudgementHolds(actor.teamId, claimId);
    }
  });
});

describe("an assignment while its assignee is made a viewer", () => {
  it("leaves no viewer assigned: the assignment is refused, or undone by the role change", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, third, claimId } = await setUp({ verdict: false });
      const membership = await db.membership.findFirstOrThrow({ where: { teamId: actor.teamId, userId: third.userId } });
      // The assignment has read the assignee's role and waits at the claim, while the role changes.
      const held = await holdRow(url, "Claim", claimId);
      // Its refusal (the assignee is a viewer by then) may come while the test is still releasing
      // the row: handled at once, so it is never an unhandled rejection.
      const assigning = assignClaim(db, actor, { claimId, assigneeId: third.userId }).catch((error: unknown) => error);
      const demoting = changeMemberRole(db, { teamId: actor.teamId, membershipId: membership.id, role: "viewer", actorId: actor.userId });
      await settleWithin(demoting, 1_000);
      await held.release();
      await Promise.allSettled([assigning, demoting]);
      await demoting;
      expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).assigneeId).toBeNull();
    }
  });
});
