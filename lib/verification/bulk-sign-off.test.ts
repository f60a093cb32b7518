import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim, deleteClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { signOffClaims } from "./bulk-sign-off";
import { giveVerdict } from "./mutations";
import { bulkSignOffSchema, verificationSettingsSchema } from "./schema";
import { updateVerificationSettings } from "./settings-mutations";

const db = setUpTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed the bill. Sokov doubts it will pass. The Kremlin denied it. Peskov said nothing.";
const RATIONALE = "The bill's text on the Duma site says the opposite of this.";

/** A team requiring a sign-off; Ana judged four claims, Ben one; the last has no verdict. */
async function setUpDesk() {
  const ana = await createTestUser(db, { name: "Ana Editor" });
  const ben = await createTestUser(db, { name: "Ben Second" });
  const team = await createTeam(db, { name: "Desk", userId: ana.id });
  await db.membership.create({ data: { teamId: team.id, userId: ben.id, role: "editor" } });
  const asAna = { teamId: team.id, userId: ana.id };
  const asBen = { teamId: team.id, userId: ben.id };
  await updateVerificationSettings(db, asAna, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "origin_or_two_independent", requireSignOff: "on" }));
  const { articleId } = await saveImport(db, asAna, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const ids: string[] = [];
  for (const [index, sentence] of TEXT.split(/(?<=\.) /).entries()) {
    const start = TEXT.indexOf(sentence);
    const claim = await createClaim(db, asAna, { articleId, start, end: start + sentence.length });
    ids.push(claim.id);
    if (index === 4) continue;
    await addCitation(db, asAna, addCitationSchema.parse({ claimId: claim.id, sourceName: "Duma bill", sourceKind: "document", relation: "contradicts" }));
    await giveVerdict(db, index === 1 ? asBen : asAna, { claimId: claim.id, revision: await revisionOf(claim.id), verdict: "false", rationale: RATIONALE });
  }
  return { asAna, asBen, articleId, ids };
}

const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;

describe("signOffClaims", () => {
  it("signs each claim through the single sign-off's rules and lists the refused ones with why", async () => {
    const { asAna, asBen, articleId, ids } = await setUpDesk();
    const [plain, own, stale, deleted, unjudged] = ids;
    const reviewed = await Promise.all(ids.map(async (claimId) => ({ claimId, revision: await revisionOf(claimId) })));
    // After Ben's review was loaded: Ana adds evidence to one claim, deletes another.
    await addCitation(db, asAna, addCitationSchema.parse({ claimId: stale, sourceName: "Wire agency", relation: "contradicts" }));
    await deleteClaim(db, asAna, { claimId: deleted });
    const result = await signOffClaims(db, asBen, bulkSignOffSchema.parse({ articleId, claims: reviewed, note: "Checked in one go" }));

    expect(result.signed.map((change) => change.claim.id)).toEqual([plain]);
    expect(result.refused).toEqual([
      { claimId: own, reason: "You gave this verdict, so a second editor has to sign it off." },
      { claimId: stale, reason: expect.stringMatching(/^Ana Editor added a citation .* while you were editing\./) },
      { claimId: deleted, reason: "No longer exists in this article." },
      { claimId: unjudged, reason: "There is no verdict to sign off yet." },
    ]);
    expect(await db.claim.findMany({ where: { id: { in: ids }, signedOffById: { not: null } }, select: { id: true, signedOffById: true } })).toEqual([{ id: plain, signedOffById: asBen.userId }]);
    expect(await db.claimEvent.findFirst({ where: { claimId: plain, type: "verdict_signed_off" }, select: { note: true, actorId: true } })).toEqual({ note: "Checked in one go", actorId: asBen.userId });
  });

  it("refuses another article's claims and asks for a selection", async () => {
    const { asBen, ids } = await setUpDesk();
    const other = await setUpDesk();
    const result = await signOffClaims(db, asBen, { articleId: other.articleId, claims: [{ claimId: ids[0], revision: await revisionOf(ids[0]) }] });
    expect(result).toEqual({ signed: [], refused: [{ claimId: ids[0], reason: "No longer exists in this article." }] });
    expect(bulkSignOffSchema.safeParse({ articleId: other.articleId, claims: [] }).error?.issues[0]?.message).toBe("Select at least one claim");
  });
});
