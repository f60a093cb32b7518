import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim } from "@/lib/claims/mutations";
import { createSource } from "@/lib/sources/mutations";
import { createSourceSchema } from "@/lib/sources/schema";
import { createTeam } from "@/lib/teams/mutations";
import { giveVerdict, signOffVerdict } from "@/lib/verification/mutations";
import { verificationSettingsSchema } from "@/lib/verification/schema";
import { updateVerificationSettings } from "@/lib/verification/settings-mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { citeOutletForClaims, NO_OUTLET_MESSAGE } from "./cite-outlet";
import { addCitation } from "./mutations";
import { addCitationSchema, bulkCiteOutletSchema } from "./schema";

const db = setUpTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed the bill. Sokov doubts it will pass.";

async function setUpDesk(options: { outlet?: string } = { outlet: "Business Insider" }) {
  const ana = await createTestUser(db, { name: "Ana Editor" });
  const ben = await createTestUser(db, { name: "Ben Second" });
  const team = await createTeam(db, { name: "Desk", userId: ana.id });
  await db.membership.create({ data: { teamId: team.id, userId: ben.id, role: "editor" } });
  const asAna = { teamId: team.id, userId: ana.id };
  const asBen = { teamId: team.id, userId: ben.id };
  const { articleId } = await saveImport(db, asAna, saveImportSchema.parse({
    title: "Armies", outlet: options.outlet, url: "https://www.businessinsider.com/putin-armies", text: TEXT, removedLines: [],
  }));
  const ids: string[] = [];
  for (const sentence of TEXT.split(/(?<=\.) /)) {
    const start = TEXT.indexOf(sentence);
    ids.push((await createClaim(db, asAna, { articleId, start, end: start + sentence.length })).id);
  }
  return { asAna, asBen, articleId, ids, teamId: team.id };
}

const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;

describe("citeOutletForClaims", () => {
  it("cites the outlet on each claim as the single button does, records it, and skips a claim already citing it", async () => {
    const { asAna, asBen, articleId, ids, teamId } = await setUpDesk();
    const [first, second, third] = ids;
    await addCitation(db, asAna, addCitationSchema.parse({ claimId: third, sourceName: "business insider", relation: "corroborates" }));
    const result = await citeOutletForClaims(db, asBen, bulkCiteOutletSchema.parse({ articleId, claimIds: [first, second, third] }));

    const source = await db.source.findFirstOrThrow({ where: { teamId } });
    expect(result).toEqual({ source: { id: source.id, name: "business insider" }, sourceAdded: false, cited: [first, second], signOffsWithdrawn: [], alreadyCiting: [third], skipped: [] });
    expect(await db.source.count({ where: { teamId } })).toBe(1);
    const rows = await db.citation.findMany({ where: { claimId: { in: [first, second] } }, orderBy: { createdAt: "asc" }, select: { claimId: true, sourceId: true, relation: true, url: true, passage: true, createdById: true } });
    expect(rows).toEqual([
      { claimId: first, sourceId: source.id, relation: "states", url: "https://www.businessinsider.com/putin-armies", passage: "The Duma bill lets firms keep private armies.", createdById: asBen.userId },
      { claimId: second, sourceId: source.id, relation: "states", url: "https://www.businessinsider.com/putin-armies", passage: "Kartapolov backed the bill.", createdById: asBen.userId },
    ]);
    expect(await db.claimEvent.findMany({ where: { claimId: first, type: "citation_added" }, select: { actorId: true, toValue: true } })).toEqual([{ actorId: asBen.userId, toValue: "business insider (states)" }]);

    // Twice: nothing more is added, each claim is said to cite it already.
    const again = await citeOutletForClaims(db, asBen, { articleId, claimIds: [first, second] });
    expect(again).toMatchObject({ cited: [], alreadyCiting: [first, second], skipped: [] });
    expect(await db.citation.count({ where: { claimId: { in: ids }, deletedAt: null } })).toBe(3);
  });

  it("adds the outlet to the registry once when it is not there, and withdraws a sign-off the new evidence was not shown", async () => {
    const { asAna, asBen, articleId, ids, teamId } = await setUpDesk();
    await updateVerificationSettings(db, asAna, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "one_citation", requireSignOff: "on" }));
    await createSource(db, asAna, createSourceSchema.parse({ name: "Wire Agency", kind: "outlet" }));
    await addCitation(db, asAna, addCitationSchema.parse({ claimId: ids[0], sourceName: "Wire Agency", relation: "states" }));
    await giveVerdict(db, asAna, { claimId: ids[0], revision: await revisionOf(ids[0]), verdict: "accurate", rationale: "The wire reports it." });
    await signOffVerdict(db, asBen, { claimId: ids[0], revision: await revisionOf(ids[0]) });

    const result = await citeOutletForClaims(db, asBen, { articleId, claimIds: ids });
    expect(result.sourceAdded).toBe(true);
    expect(result.cited).toEqual(ids);
    expect(result.signOffsWithdrawn).toEqual([ids[0]]);
    expect(await db.source.count({ where: { teamId, name: "Business Insider" } })).toBe(1);
    expect(await db.claimEvent.findFirst({ where: { claimId: ids[0], type: "sign_off_withdrawn" }, select: { note: true } })).toMatchObject({ note: expect.stringContaining("Business Insider") });
  });

  it("says what to do when the article has no outlet, and writes nothing", async () => {
    const { asBen, articleId, ids, teamId } = await setUpDesk({});
    await expect(citeOutletForClaims(db, asBen, { articleId, claimIds: ids })).rejects.toThrow(NO_OUTLET_MESSAGE);
    expect(await db.citation.count({ where: { teamId } })).toBe(0);
    expect(await db.source.count({ where: { teamId } })).toBe(0);
  });

  it("refuses another team's claims and article, and another article's claims", async () => {
    const mine = await setUpDesk();
    const theirs = await setUpDesk();
    const result = await citeOutletForClaims(db, mine.asBen, { articleId: mine.articleId, claimIds: [theirs.ids[0], mine.ids[0]] });
    expect(result.cited).toEqual([mine.ids[0]]);
    expect(result.skipped).toEqual([{ claimId: theirs.ids[0], reason: "No longer exists in this article." }]);
    await expect(citeOutletForClaims(db, mine.asBen, { articleId: theirs.articleId, claimIds: [mine.ids[1]] })).rejects.toThrow(/no longer exists/);
    expect(await db.citation.count({ where: { teamId: theirs.teamId } })).toBe(0);
    expect(await db.source.count({ where: { teamId: theirs.teamId } })).toBe(0);
    // A claim of another article of the same team is not cited from this article's button.
    const { articleId: otherArticle } = await saveImport(db, mine.asAna, saveImportSchema.parse({ title: "Other", outlet: "Reuters", text: "Another text entirely.", removedLines: [] }));
    const stray = await citeOutletForClaims(db, mine.asBen, { articleId: otherArticle, claimIds: [mine.ids[1]] });
    expect(stray).toMatchObject({ cited: [], skipped: [{ claimId: mine.ids[1], reason: "No longer exists in this article." }] });
    expect(bulkCiteOutletSchema.safeParse({ articleId: mine.articleId, claimIds: [] }).error?.issues[0]?.message).toBe("Select at least one claim");
  });
});
