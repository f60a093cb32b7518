import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim } from "@/lib/claims/mutations";
import { changeMemberRole, createTeam, removeMember } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { assignClaim, bulkUpdateClaims, listAssignableMembers } from "./assignment";
import { addComment } from "./comments";
import { giveVerdict, setClaimStatus, signOffVerdict, withdrawVerdict } from "./mutations";
import { getClaimDetail, listMyClaims } from "./queries";
import { verificationSettingsSchema } from "./schema";
import { getVerificationSettings } from "./settings";
import { updateVerificationSettings } from "./settings-mutations";
import { buildClaimReviewRating } from "./verdicts";

const db = setUpTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass.";
const RATIONALE = "The bill's text on the Duma site says exactly this.";

async function setUp() {
  const owner = await createTestUser(db, { name: "Olga Owner" });
  const second = await createTestUser(db, { name: "Sam Second" });
  const team = await createTeam(db, { name: "Desk", userId: owner.id });
  await db.membership.create({ data: { teamId: team.id, userId: second.id, role: "editor" } });
  const actor = { teamId: team.id, userId: owner.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const claims = [];
  for (const sentence of TEXT.split(/(?<=\.) /)) {
    const start = TEXT.indexOf(sentence);
    claims.push(await createClaim(db, actor, { articleId, start, end: start + sentence.length }));
  }
  return { actor, secondActor: { teamId: team.id, userId: second.id }, second, team, articleId, claimIds: claims.map((claim) => claim.id) };
}

const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;
const cite = (claimId: string, fields: Record<string, unknown>) => addCitationSchema.parse({ claimId, relation: "states", ...fields });

describe("giveVerdict", () => {
  it("needs a rationale and a citation, and for 'accurate' the origin reached or two origins", async () => {
    const { actor, claimIds: [claimId] } = await setUp();
    await expect(giveVerdict(db, actor, { claimId, revision: 1, verdict: "false", rationale: "short" })).rejects.toThrow(/at least 20 characters.*needs at least one citation/);
    const beast = await addCitation(db, actor, cite(claimId, { sourceName: "The Daily Beast" }));
    await expect(giveVerdict(db, actor, { claimId, revision: 1, verdict: "accurate", rationale: RATIONALE })).rejects.toThrow(/only chain stops at The Daily Beast, which is not marked as the origin/);
    await addCitation(db, actor, cite(claimId, { sourceName: "Duma bill", relaysForId: beast.id, isOrigin: true }));
    await giveVerdict(db, actor, { claimId, revision: 1, verdict: "accurate", rationale: RATIONALE });
    const row = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(row).toMatchObject({ verdict: "accurate", rationale: RATIONALE, verdictById: actor.userId, status: "in_progress" });
    const events = await db.claimEvent.findMany({ where: { claimId }, orderBy: { createdAt: "asc" } });
    expect(events.slice(-2).map((event) => [event.type, event.toValue])).toEqual([["verdict_given", "Accurate"], ["status_changed", "In progress"]]);
  });

  it("lets 'not checkable' stand without citations, and refuses a stale revision with the other change", async () => {
    const { actor, secondActor, claimIds: [, , claimId] } = await setUp();
    await setClaimStatus(db, secondActor, { claimId, revision: 1, status: "in_progress" });
    await expect(giveVerdict(db, actor, { claimId, revision: 1, verdict: "not_checkable", rationale: "A prediction about a future vote." }))
      .rejects.toThrow(/Sam Second changed the state .* \(now “In progress”\) while you were editing/);
    await giveVerdict(db, actor, { claimId, revision: 2, verdict: "not_checkable", rationale: "A prediction about a future vote." });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).verdict).toBe("not_checkable");
  });
});

describe("team verdict settings", () => {
  it("store the team's wording and ratings, and refuse numbers that break 'higher means more true'", async () => {
    const { actor, team } = await setUp();
    expect(verificationSettingsSchema.safeParse({ revision: 1, accurateNeeds: "one_citation", rating_false: "4" }).error?.issues[0].message).toMatch(/‘False’ must be rated below/);
    expect(verificationSettingsSchema.safeParse({ revision: 1, accurateNeeds: "one_citation", rating_misleading: "2.5" }).success).toBe(false);
    await updateVerificationSettings(db, actor, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "one_citation", label_misleading: "Half true", rating_misleading: "3", rating_unsubstantiated: "2" }));
    const { labels, rules } = await getVerificationSettings(db, team.id);
    expect(rules).toEqual({ accurateNeeds: "one_citation", requireSignOff: false, strictCaptures: false });
    expect(buildClaimReviewRating("misleading", labels)).toMatchObject({ alternateName: "Half true", ratingValue: 3, bestRating: 5, worstRating: 1 });
    expect(buildClaimReviewRating("unsubstantiated", labels)).toMatchObject({ ratingValue: 2 });
  });
});

describe("a stale save of the verdict settings", () => {
  it("is refused with the other owner's change, and nothing of it is written", async () => {
    const { actor, secondActor, team } = await setUp();
    await db.membership.updateMany({ where: { teamId: team.id, userId: secondActor.userId }, data: { role: "owner" } });
    // Both owners open the form at revision 1; Sam saves first.
    await updateVerificationSettings(db, secondActor, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "origin_or_two_independent", requireSignOff: "on", label_false: "Wrong" }));
    const stale = updateVerificationSettings(db, actor, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "one_citation", label_accurate: "Correct" }));
    await expect(stale).rejects.toThrow(/^Sam Second saved them at \d\d:\d\d UTC while you were editing\. They now say: sign-off by a second editor required; ‘Accurate’ needs the origin reached, or two chains that end at different sources; ‘False’ is called ‘Wrong’\. Your change was not saved/);
    expect(await getVerificationSettings(db, team.id)).toEqual({
      labels: { false: { label: "Wrong" } }, rules: { accurateNeeds: "origin_or_two_independent", requireSignOff: true, strictCaptures: false }, revision: 2,
    });
    expect(await db.auditEvent.count({ where: { teamId: team.id, type: "team.verification_settings_changed" } })).toBe(1);
    // After a reload (revision 2) the same change goes through.
    await updateVerificationSettings(db, actor, verificationSettingsSchema.parse({ revision: 2, accurateNeeds: "one_citation", label_accurate: "Correct" }));
    expect((await getVerificationSettings(db, team.id)).rules.accurateNeeds).toBe("one_citation");
    expect(verificationSettingsSchema.safeParse({ accurateNeeds: "one_citation" }).success).toBe(false);
  });
});

describe("sign-off and the workflow", () => {
  it("with sign-off required, a verdict waits for a second editor before the claim can be done", async () => {
    const { actor, secondActor, team, claimIds: [, claimId] } = await setUp();
    await updateVerificationSettings(db, actor, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "one_citation", requireSignOff: "on", label_false: "Wrong" }));
    await addCitation(db, actor, cite(claimId, { sourceName: "Kartapolov" }));
    await giveVerdict(db, actor, { claimId, revision: 1, verdict: "false", rationale: "He said the opposite in the committee." });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe("needs_review");
    await expect(setClaimStatus(db, actor, { claimId, revision: await revisionOf(claimId), status: "done" })).rejects.toThrow(/final verdict/);
    await expect(signOffVerdict(db, actor, { claimId, revision: await revisionOf(claimId) })).rejects.toThrow(/second editor/);
    await signOffVerdict(db, secondActor, { claimId, revision: await revisionOf(claimId) });
    await setClaimStatus(db, actor, { claimId, revision: await revisionOf(claimId), status: "done" });
    const detail = await getClaimDetail(db, team.id, claimId);
    expect(detail?.claim).toMatchObject({ status: "done", signedOffBy: { name: "Sam Second" } });
    expect(detail?.events.find((event) => event.type === "verdict_given")?.toValue).toBe("Wrong");

    await expect(withdrawVerdict(db, actor, { claimId, revision: await revisionOf(claimId), note: "New evidence" })).resolves.toMatchObject({ claim: { verdict: null, status: "in_progress" } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe("in_progress");
  });

  it("a backward move needs a note", async () => {
    const { actor, claimIds: [claimId] } = await setUp();
    await setClaimStatus(db, actor, { claimId, revision: 1, status: "in_progress" });
    await expect(setClaimStatus(db, actor, { claimId, revision: 2, status: "unchecked" })).rejects.toThrow(/needs a note/);
    await setClaimStatus(db, actor, { claimId, revision: 2, status: "unchecked", note: "Picked the wrong claim" });
  });
});

describe("assignment, bulk actions and comments", () => {
  it("assigns to members only, lists my claims, and records every change", async () => {
    const { actor, second, team, claimIds } = await setUp();
    const outsider = await createTestUser(db, { name: "Out Sider" });
    await expect(assignClaim(db, actor, { claimId: claimIds[0], assigneeId: outsider.id })).rejects.toThrow(/members of this team/);
    await assignClaim(db, actor, { claimId: claimIds[0], assigneeId: second.id });
    expect((await listMyClaims(db, team.id, second.id)).map((claim) => claim.id)).toEqual([claimIds[0]]);
    const events = await db.claimEvent.findMany({ where: { claimId: claimIds[0], type: "assigned" } });
    expect(events.map((event) => [event.fromValue, event.toValue])).toEqual([["Unassigned", "Sam Second"]]);
  });

  it("bulk-updates a selection and skips what the workflow refuses, with the reason", async () => {
    const { actor, second, articleId, claimIds } = await setUp();
    const started = await bulkUpdateClaims(db, actor, { articleId, claimIds, status: "in_progress", assigneeId: second.id });
    expect(started).toMatchObject({ updated: 3, skipped: [] });
    expect(started.claims.map((claim) => [claim.status, claim.assignee?.name]).sort()).toEqual(Array(3).fill(["in_progress", "Sam Second"]));
    const done = await bulkUpdateClaims(db, actor, { articleId, claimIds: claimIds.slice(0, 2), status: "done" });
    expect(done.updated).toBe(0);
    expect(done.skipped).toHaveLength(2);
    expect(done.skipped[0].reason).toMatch(/final verdict/);
    const stranger = await setUp();
    await expect(bulkUpdateClaims(db, stranger.actor, { articleId, claimIds, status: "in_progress" })).rejects.toThrow(/no longer exists/);
  });

  it("refuses to assign claims to a viewer, one or in bulk, saying why; offers only those who can edit", async () => {
    const { actor, team, articleId, claimIds } = await setUp();
    const viewer = await createTestUser(db, { name: "Vera Viewer" });
    await db.membership.create({ data: { teamId: team.id, userId: viewer.id, role: "viewer" } });
    await expect(assignClaim(db, actor, { claimId: claimIds[0], assigneeId: viewer.id })).rejects.toThrow("Vera Viewer is a viewer and cannot work on claims.");
    await expect(bulkUpdateClaims(db, actor, { articleId, claimIds, assigneeId: viewer.id, status: "in_progress" })).rejects.toThrow(/Vera Viewer is a viewer/);
    // Nothing of the refused bulk change was kept, not even the state.
    expect((await db.claim.findMany({ where: { id: { in: claimIds } } })).map((claim) => [claim.assigneeId, claim.status])).toEqual(Array(3).fill([null, "unchecked"]));
    expect((await listAssignableMembers(db, team.id)).map((member) => member.name)).toEqual(["Olga Owner", "Sam Second"]);
    expect((await getClaimDetail(db, team.id, claimIds[0]))?.members.map((member) => member.name)).toEqual(["Olga Owner", "Sam Second"]);
  });

  it("unassigns a member made a viewer, or removed, and records why in each claim's history", async () => {
    const { actor, second, team, claimIds } = await setUp();
    await assignClaim(db, actor, { claimId: claimIds[0], assigneeId: second.id });
    await assignClaim(db, actor, { claimId: claimIds[1], assigneeId: second.id });
    await assignClaim(db, actor, { claimId: claimIds[2], assigneeId: actor.userId });
    const membership = await db.membership.findFirstOrThrow({ where: { teamId: team.id, userId: second.id } });
    await changeMemberRole(db, { teamId: team.id, membershipId: membership.id, role: "viewer", actorId: actor.userId });
    const claims = await db.claim.findMany({ where: { id: { in: claimIds } }, orderBy: { position: "asc" } });
    expect(claims.map((claim) => claim.assigneeId)).toEqual([null, null, actor.userId]);
    const latest = await db.claimEvent.findFirstOrThrow({ where: { claimId: claimIds[0] }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(latest).toMatchObject({ type: "assigned", fromValue: "Sam Second", toValue: "Unassigned", note: "Made a viewer, who cannot work on claims" });
    // Made an editor again, they can be assigned again; removed, their claims are unassigned too.
    await changeMemberRole(db, { teamId: team.id, membershipId: membership.id, role: "editor", actorId: actor.userId });
    await assignClaim(db, actor, { claimId: claimIds[0], assigneeId: second.id });
    await removeMember(db, { teamId: team.id, membershipId: membership.id, actorId: actor.userId });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimIds[0] } })).assigneeId).toBeNull();
    expect(await db.claimEvent.count({ where: { claimId: claimIds[0], note: "Removed from the team" } })).toBe(1);
  });

  it("keeps comments in the thread and the history", async () => {
    const { actor, team, claimIds: [claimId] } = await setUp();
    await addComment(db, actor, { claimId, body: "Ask the Duma press office for the bill's number." });
    const detail = await getClaimDetail(db, team.id, claimId);
    expect(detail?.comments.map((comment) => comment.body)).toEqual(["Ask the Duma press office for the bill's number."]);
    expect(detail?.events[0]).toMatchObject({ type: "commented", actor: { name: "Olga Owner" } });
  });
});
