import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim, updateClaimStatement } from "@/lib/claims/mutations";
import { readLiveChanges, readLiveHead } from "@/lib/live/changes";
import { createTeam, removeMember } from "@/lib/teams/mutations";
import { assignClaim } from "@/lib/verification/assignment";
import { addComment } from "@/lib/verification/comments";
import { giveVerdict, signOffVerdict, withdrawVerdict } from "@/lib/verification/mutations";
import { verificationSettingsSchema } from "@/lib/verification/schema";
import { updateVerificationSettings } from "@/lib/verification/settings-mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { markNotificationsRead, setEmailPreferences } from "./mutations";
import { countUnread, listNotifications } from "./queries";

const db = setUpTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed the bill in committee.";
const RATIONALE = "The bill's text on the Duma site says the opposite of this.";

/** A team requiring sign-off: Ana (owner), Ben and Cleo (editors), Vic (viewer); one claim with a citation. */
async function setUp() {
  const ana = await createTestUser(db, { name: "Ana Reyes" });
  const ben = await createTestUser(db, { name: "Ben Okafor" });
  const cleo = await createTestUser(db, { name: "Cleo Park" });
  const vic = await createTestUser(db, { name: "Vic Viewer" });
  const team = await createTeam(db, { name: "Desk", userId: ana.id });
  await db.membership.createMany({ data: [
    { teamId: team.id, userId: ben.id, role: "editor" },
    { teamId: team.id, userId: cleo.id, role: "editor" },
    { teamId: team.id, userId: vic.id, role: "viewer" },
  ] });
  const as = (user: { id: string }) => ({ teamId: team.id, userId: user.id });
  await updateVerificationSettings(db, as(ana), verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "origin_or_two_independent", requireSignOff: "on" }));
  const { articleId } = await saveImport(db, as(ana), saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const claim = await createClaim(db, as(ana), { articleId, start: 0, end: TEXT.indexOf(".") + 1 });
  await addCitation(db, as(ana), addCitationSchema.parse({ claimId: claim.id, sourceName: "Duma bill", sourceKind: "document", relation: "contradicts", url: "https://duma.example/bill", passage: "Companies may not keep armed units." }));
  return { ana, ben, cleo, vic, team, as, articleId, claimId: claim.id };
}

const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;
const inbox = async (teamId: string, userId: string) =>
  (await listNotifications(db, { teamId, userId })).map((entry) => ({ kind: entry.kind, actor: entry.actor.name, note: entry.note }));

describe("notifications of a claim's changes", () => {
  it("tell the assignee, never the person who acted", async () => {
    const desk = await setUp();
    await assignClaim(db, desk.as(desk.ana), { claimId: desk.claimId, assigneeId: desk.ben.id });
    await assignClaim(db, desk.as(desk.cleo), { claimId: desk.claimId, assigneeId: desk.cleo.id });
    expect(await inbox(desk.team.id, desk.ben.id)).toEqual([{ kind: "assigned", actor: "Ana Reyes", note: null }]);
    expect(await inbox(desk.team.id, desk.cleo.id)).toEqual([]);
  });

  it("ask the editors and owners for a sign-off, tell the verdict's author of the sign-off and whoever judged of a withdrawal", async () => {
    const desk = await setUp();
    await giveVerdict(db, desk.as(desk.ben), { claimId: desk.claimId, revision: await revisionOf(desk.claimId), verdict: "false", rationale: RATIONALE });
    // Editors and owners other than Ben; not the viewer, who cannot sign off.
    for (const person of [desk.ana, desk.cleo]) expect((await inbox(desk.team.id, person.id)).map((entry) => entry.kind)).toEqual(["sign_off_requested"]);
    expect(await inbox(desk.team.id, desk.vic.id)).toEqual([]);
    expect(await inbox(desk.team.id, desk.ben.id)).toEqual([]);

    await signOffVerdict(db, desk.as(desk.cleo), { claimId: desk.claimId, revision: await revisionOf(desk.claimId) });
    expect((await inbox(desk.team.id, desk.ben.id))[0]).toMatchObject({ kind: "verdict_signed_off", actor: "Cleo Park" });

    await withdrawVerdict(db, desk.as(desk.ana), { claimId: desk.claimId, revision: await revisionOf(desk.claimId), note: "The bill was amended." });
    expect((await inbox(desk.team.id, desk.ben.id))[0]).toEqual({ kind: "verdict_withdrawn", actor: "Ana Reyes", note: "False: The bill was amended." });
    expect((await inbox(desk.team.id, desk.cleo.id))[0]).toMatchObject({ kind: "verdict_withdrawn", actor: "Ana Reyes" });
  });

  it("tell whoever judged a claim that someone else changed it, once until they read it, and a withdrawn sign-off", async () => {
    const desk = await setUp();
    await giveVerdict(db, desk.as(desk.ben), { claimId: desk.claimId, revision: await revisionOf(desk.claimId), verdict: "false", rationale: RATIONALE });
    await signOffVerdict(db, desk.as(desk.cleo), { claimId: desk.claimId, revision: await revisionOf(desk.claimId) });
    await markNotificationsRead(db, { teamId: desk.team.id, userId: desk.ben.id });
    await updateClaimStatement(db, desk.as(desk.ana), { claimId: desk.claimId, revision: await revisionOf(desk.claimId), statement: "The Duma bill allows private armies." });
    // The edit withdrew Cleo's sign-off: Ben hears of the edit (and the withdrawal), Cleo of both.
    const unread = async (userId: string) => (await listNotifications(db, { teamId: desk.team.id, userId })).filter((entry) => !entry.readAt);
    expect((await unread(desk.ben.id)).map((entry) => entry.kind).sort()).toEqual(["claim_changed", "sign_off_withdrawn"]);
    expect((await unread(desk.ben.id)).find((entry) => entry.kind === "claim_changed")!.note).toBe("Edited the statement: The Duma bill allows private armies.");
    expect((await unread(desk.cleo.id)).map((entry) => entry.kind).sort()).toEqual(["claim_changed", "sign_off_requested", "sign_off_withdrawn"]);
    await updateClaimStatement(db, desk.as(desk.ana), { claimId: desk.claimId, revision: await revisionOf(desk.claimId), statement: "The Duma bill permits private armies." });
    expect((await inbox(desk.team.id, desk.ben.id)).filter((entry) => entry.kind === "claim_changed")).toHaveLength(1);
    // Ben's own edit tells Ben nothing.
    await markNotificationsRead(db, { teamId: desk.team.id, userId: desk.ben.id });
    await updateClaimStatement(db, desk.as(desk.ben), { claimId: desk.claimId, revision: await revisionOf(desk.claimId), statement: "The Duma bill lets firms keep armies." });
    expect(await countUnread(db, { teamId: desk.team.id, userId: desk.ben.id })).toBe(0);
  });

  it("tell the members a comment mentions, stored by id, and only members", async () => {
    const desk = await setUp();
    const stranger = await createTestUser(db, { name: "Sol Stranger" });
    const { comments } = await addComment(db, desk.as(desk.ana), { claimId: desk.claimId, body: "@Ben Okafor and @vic viewer: see the bill. @Sol Stranger too. @Ana Reyes" });
    const commentId = comments![0]!.id;
    const mentions = await db.commentMention.findMany({ where: { commentId }, select: { userId: true } });
    expect(mentions.map((mention) => mention.userId).sort()).toEqual([desk.ana.id, desk.ben.id, desk.vic.id].sort());
    expect(await inbox(desk.team.id, desk.ben.id)).toEqual([{ kind: "mentioned", actor: "Ana Reyes", note: "@Ben Okafor and @vic viewer: see the bill. @Sol Stranger too. @Ana Reyes" }]);
    expect((await listNotifications(db, { teamId: desk.team.id, userId: desk.vic.id }))[0]!.commentId).toBe(commentId);
    expect(await db.notification.count({ where: { userId: { in: [stranger.id, desk.ana.id] } } })).toBe(0);
  });

  it("give a removed member none, though they judged the claim", async () => {
    const desk = await setUp();
    await giveVerdict(db, desk.as(desk.ben), { claimId: desk.claimId, revision: await revisionOf(desk.claimId), verdict: "false", rationale: RATIONALE });
    const membership = await db.membership.findFirstOrThrow({ where: { teamId: desk.team.id, userId: desk.ben.id } });
    await removeMember(db, { teamId: desk.team.id, membershipId: membership.id, actorId: desk.ana.id });
    await updateClaimStatement(db, desk.as(desk.ana), { claimId: desk.claimId, revision: await revisionOf(desk.claimId), statement: "The Duma bill allows private armies." });
    await addComment(db, desk.as(desk.ana), { claimId: desk.claimId, body: "@Ben Okafor, are you still there? @Cleo Park" });
    expect(await db.notification.count({ where: { userId: desk.ben.id } })).toBe(0);
    expect((await inbox(desk.team.id, desk.cleo.id)).map((entry) => entry.kind)).toEqual(["mentioned", "sign_off_requested"]);
  });

  it("reach the recipient's pages through the live feed, in the change's transaction", async () => {
    const desk = await setUp();
    const head = await readLiveHead(db, desk.team.id);
    await addComment(db, desk.as(desk.ana), { claimId: desk.claimId, body: "@Cleo Park look" });
    const changes = await readLiveChanges(db, desk.team.id, head);
    expect(changes.map(({ kind, recipientId }) => ({ kind, recipientId }))).toEqual([
      { kind: "commented", recipientId: null },
      { kind: "notified", recipientId: desk.cleo.id },
    ]);
  });

  it("are marked for mail when the person chose the kind", async () => {
    const desk = await setUp();
    await setEmailPreferences(db, desk.cleo.id, ["mentioned"]);
    await addComment(db, desk.as(desk.ana), { claimId: desk.claimId, body: "@Cleo Park @Ben Okafor look" });
    const rows = await db.notification.findMany({ where: { claimId: desk.claimId }, select: { userId: true, mailPending: true } });
    expect(Object.fromEntries(rows.map((row) => [row.userId, row.mailPending]))).toEqual({ [desk.cleo.id]: true, [desk.ben.id]: false });
  });
});

describe("the inbox", () => {
  it("marks the recipient's own notifications read, refuses another's, and counts what is unread", async () => {
    const desk = await setUp();
    await addComment(db, desk.as(desk.ana), { claimId: desk.claimId, body: "@Cleo Park one" });
    await addComment(db, desk.as(desk.ana), { claimId: desk.claimId, body: "@Cleo Park two @Ben Okafor" });
    const [latest] = await listNotifications(db, { teamId: desk.team.id, userId: desk.cleo.id });
    const bens = await listNotifications(db, { teamId: desk.team.id, userId: desk.ben.id });
    await expect(markNotificationsRead(db, { teamId: desk.team.id, userId: desk.cleo.id }, [bens[0]!.id])).rejects.toThrow("not in your inbox");
    expect(await markNotificationsRead(db, { teamId: desk.team.id, userId: desk.cleo.id }, [latest!.id])).toEqual({ marked: 1, unread: 1 });
    expect(await markNotificationsRead(db, { teamId: desk.team.id, userId: desk.cleo.id }, [latest!.id])).toEqual({ marked: 0, unread: 1 });
    expect(await markNotificationsRead(db, { teamId: desk.team.id, userId: desk.cleo.id })).toEqual({ marked: 1, unread: 0 });
    expect(await countUnread(db, { teamId: desk.team.id, userId: desk.ben.id })).toBe(1);
  });
});
