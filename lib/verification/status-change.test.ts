import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim } from "@/lib/claims/mutations";
import { listNotifications } from "@/lib/notifications/queries";
import { createTeam } from "@/lib/teams/mutations";
import { countQueries, createTestUser, setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { assignClaim } from "./assignment";
import { giveVerdict, setClaimStatus, signOffVerdict } from "./mutations";
import { getClaimDetail } from "./queries";
import { verificationSettingsSchema } from "./schema";
import { updateVerificationSettings } from "./settings-mutations";

// A status change reads its claim once, under its lock, and builds its answer and notifications
// from that row (docs/decisions/0014, issue 13's amendment): what it answers and whom it tells
// must be what a reload and the old reads gave, in fewer statements.
const db = setUpTestDatabase({ logQueries: true });
const queries = countQueries(db);
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass.";

/** Olga (owner) and Sam, Tia (editors) in a team requiring sign-off; one claim with an origin citation. */
async function setUp() {
  const [olga, sam, tia] = await Promise.all(["Olga Owner", "Sam Second", "Tia Third"].map((name) => createTestUser(db, { name })));
  const team = await createTeam(db, { name: "Desk", userId: olga!.id });
  await db.membership.createMany({ data: [sam!, tia!].map((user) => ({ teamId: team.id, userId: user.id, role: "editor" as const })) });
  const as = (user: { id: string; name: string }) => ({ teamId: team.id, userId: user.id, name: user.name });
  await updateVerificationSettings(db, as(olga!), verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "origin_or_two_independent", requireSignOff: "on" }));
  const { articleId } = await saveImport(db, as(olga!), saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const claim = await createClaim(db, as(olga!), { articleId, start: 0, end: TEXT.indexOf(".") + 1 });
  await addCitation(db, as(olga!), addCitationSchema.parse({ claimId: claim.id, relation: "states", sourceName: "Duma bill", isOrigin: "on" }));
  return { olga: olga!, sam: sam!, tia: tia!, teamId: team.id, as, articleId, claimId: claim.id };
}

const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true } })).revision;
const kindsFor = async (teamId: string, userId: string) => (await listNotifications(db, { teamId, userId })).map((entry) => entry.kind);

describe("a status change", () => {
  it("answers what a reload shows for a judged, signed-off, assigned claim, and tells whoever judged it, once", async () => {
    const desk = await setUp();
    await giveVerdict(db, desk.as(desk.sam), { claimId: desk.claimId, revision: 1, verdict: "accurate", rationale: "The bill's text says so." });
    await signOffVerdict(db, desk.as(desk.tia), { claimId: desk.claimId, revision: await revisionOf(desk.claimId) });
    await assignClaim(db, desk.as(desk.sam), { claimId: desk.claimId, assigneeId: desk.tia.id });
    const before = (await getClaimDetail(db, desk.teamId, desk.claimId))!;
    const answer = await setClaimStatus(db, desk.as(desk.olga), { claimId: desk.claimId, revision: before.claim.revision, status: "done" });
    const after = (await getClaimDetail(db, desk.teamId, desk.claimId))!;
    expect(answer.claim).toMatchObject({ status: "done", revision: before.claim.revision + 1, verdictLabel: "Accurate" });
    for (const field of ["revision", "statement", "status", "anchorState", "verdict", "rationale", "verdictAt", "verdictBy", "signedOffBy", "signedOffAt", "assignee"] as const) {
      expect(answer.claim[field], field).toEqual(after.claim[field]);
    }
    const known = new Set(before.events.map((event) => event.id));
    expect(answer.events).toEqual(after.events.filter((event) => !known.has(event.id)));
    expect(answer.events.map((event) => [event.type, event.actor.name])).toEqual([["status_changed", "Olga Owner"]]);
    // Sam gave the verdict and Tia signed it off: both are told; Olga, who acted, is not.
    const changedFor = async (user: { id: string }) => (await kindsFor(desk.teamId, user.id)).filter((kind) => kind === "claim_changed").length;
    expect([await changedFor(desk.sam), await changedFor(desk.tia), await changedFor(desk.olga)]).toEqual([1, 1, 0]);
    // Unread, so a second change does not tell them again.
    await setClaimStatus(db, desk.as(desk.olga), { claimId: desk.claimId, revision: answer.claim.revision, status: "needs_review", note: "One more look." });
    expect([await changedFor(desk.sam), await changedFor(desk.tia)]).toEqual([1, 1]);
  });

  it("of a claim without a verdict reads the claim once and writes one UPDATE, its history row and its feed row", async () => {
    const desk = await setUp();
    queries.reset();
    const answer = await setClaimStatus(db, desk.as(desk.olga), { claimId: desk.claimId, revision: 1, status: "in_progress" });
    // PostgreSQL locks the claim first (decision 0013); the COMMIT is logged, the BEGIN is not.
    expect(queries.count).toBe(testDatabaseKind === "postgresql" ? 6 : 5);
    expect(answer.claim).toMatchObject({ status: "in_progress", revision: 2, verdictLabel: null, assignee: null });
    expect(answer.events.map((event) => [event.type, event.fromValue, event.toValue, event.actor.name])).toEqual([["status_changed", "Unchecked", "In progress", "Olga Owner"]]);
  });

  it("refuses a stale revision and writes nothing", async () => {
    const desk = await setUp();
    await setClaimStatus(db, desk.as(desk.olga), { claimId: desk.claimId, revision: 1, status: "in_progress" });
    await expect(setClaimStatus(db, desk.as(desk.sam), { claimId: desk.claimId, revision: 1, status: "needs_review" })).rejects.toMatchObject({ code: "CONFLICT" });
    const detail = (await getClaimDetail(db, desk.teamId, desk.claimId))!;
    expect(detail.claim).toMatchObject({ status: "in_progress", revision: 2 });
    expect(detail.events.filter((event) => event.type === "status_changed")).toHaveLength(1);
  });
});
