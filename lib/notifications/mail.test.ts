import { describe, expect, it } from "vitest";
import type { MailMessage } from "@/lib/auth/account-mail-text";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim } from "@/lib/claims/mutations";
import { createTeam, removeMember } from "@/lib/teams/mutations";
import { addComment } from "@/lib/verification/comments";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { MAIL_GATHER_MS, MAIL_INTERVAL_MS, sendDueNotificationMails } from "./mail";
import { markNotificationsRead, setEmailPreferences } from "./mutations";

const db = setUpTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed the bill in committee.";

/** Ana comments; Ben, who wants mentions mailed, is mentioned. The clock is the test's. */
async function setUp() {
  const ana = await createTestUser(db, { name: "Ana Reyes" });
  const ben = await createTestUser(db, { name: "Ben Okafor" });
  const team = await createTeam(db, { name: "Desk", userId: ana.id });
  await db.membership.create({ data: { teamId: team.id, userId: ben.id, role: "editor" } });
  await setEmailPreferences(db, ben.id, ["mentioned"]);
  const actor = { teamId: team.id, userId: ana.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const claim = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(".") + 1 });
  const outbox: MailMessage[] = [];
  const mention = async (body: string, at: Date) => {
    await addComment(db, actor, { claimId: claim.id, body: `@Ben Okafor ${body}` });
    // The notification as if made at the test's moment (the database stamps its own clock).
    await db.notification.updateMany({ where: { userId: ben.id, note: { endsWith: body } }, data: { createdAt: at } });
  };
  const run = (now: Date, holder?: string) =>
    sendDueNotificationMails(db, { now, holder, send: async (message) => (outbox.push(message), true), buildLink: (path) => `https://desk.example${path}` });
  return { ana, ben, team, claimId: claim.id, outbox, mention, run };
}

const T0 = new Date("2026-12-02T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("notification mail", () => {
  it("gathers a burst into one mail, then sends at most one a minute holding everything since", async () => {
    const desk = await setUp();
    await desk.mention("first", at(0));
    await desk.mention("second", at(1_000));
    expect(await desk.run(at(MAIL_GATHER_MS - 1))).toBe(0);
    expect(await desk.run(at(MAIL_GATHER_MS + 1_000))).toBe(1);
    expect(desk.outbox).toHaveLength(1);
    expect(desk.outbox[0]!.to).toBe(desk.ben.email);
    expect(desk.outbox[0]!.subject).toBe("2 new notifications on FactDesk");
    expect(desk.outbox[0]!.text).toContain("- Ana Reyes mentioned you in a comment (Desk)");
    expect(desk.outbox[0]!.text).toContain(`https://desk.example/t/${desk.team.slug}/articles/`);
    expect(desk.outbox[0]!.text.indexOf("first")).toBeLessThan(desk.outbox[0]!.text.indexOf("second"));

    // More arrive: nothing goes until a minute after the last mail, then one mail with all of them.
    const sentAt = MAIL_GATHER_MS + 1_000;
    await desk.mention("third", at(sentAt + 10_000));
    await desk.mention("fourth", at(sentAt + 20_000));
    expect(await desk.run(at(sentAt + 30_000))).toBe(0);
    expect(await desk.run(at(sentAt + MAIL_INTERVAL_MS - 1))).toBe(0);
    expect(await desk.run(at(sentAt + MAIL_INTERVAL_MS))).toBe(1);
    expect(desk.outbox).toHaveLength(2);
    expect(desk.outbox[1]!.text).toContain("third");
    expect(desk.outbox[1]!.text).toContain("fourth");
    expect(desk.outbox[1]!.text).not.toContain("first");
    // Nothing pending: nothing more is sent.
    expect(await desk.run(at(sentAt + 5 * MAIL_INTERVAL_MS))).toBe(0);
  });

  it("sends one person's mail once when several processes run at the same moment", async () => {
    const desk = await setUp();
    await desk.mention("at once", at(0));
    const results = await Promise.all(["process-a", "process-b", "process-c"].map((holder) => desk.run(at(MAIL_GATHER_MS), holder)));
    expect(results.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(desk.outbox).toHaveLength(1);
  });

  it("leaves out what was read in the app, what the person did not choose, and teams they left", async () => {
    const desk = await setUp();
    await desk.mention("read already", at(0));
    await markNotificationsRead(db, { teamId: desk.team.id, userId: desk.ben.id });
    expect(await desk.run(at(MAIL_GATHER_MS))).toBe(0);
    // The lease was given back: a new mention is mailed without waiting a minute.
    await desk.mention("fresh", at(MAIL_GATHER_MS + 1_000));
    await setEmailPreferences(db, desk.ben.id, []);
    await desk.mention("not chosen", at(MAIL_GATHER_MS + 1_000));
    expect(await desk.run(at(2 * MAIL_GATHER_MS + 1_000))).toBe(1);
    expect(desk.outbox[0]!.subject).toBe("Ana Reyes mentioned you in a comment");
    expect(desk.outbox[0]!.text).toContain("fresh");
    expect(desk.outbox[0]!.text).not.toContain("not chosen");

    await setEmailPreferences(db, desk.ben.id, ["mentioned"]);
    await desk.mention("after leaving", at(3 * MAIL_INTERVAL_MS));
    const membership = await db.membership.findFirstOrThrow({ where: { teamId: desk.team.id, userId: desk.ben.id } });
    await removeMember(db, { teamId: desk.team.id, membershipId: membership.id, actorId: desk.ana.id });
    expect(await desk.run(at(4 * MAIL_INTERVAL_MS))).toBe(0);
    expect(await db.notification.count({ where: { userId: desk.ben.id, mailPending: true } })).toBe(0);
  });

  it("tries a failed mail again a minute later", async () => {
    const desk = await setUp();
    await desk.mention("flaky", at(0));
    const failing = await sendDueNotificationMails(db, { now: at(MAIL_GATHER_MS), send: async () => { throw new Error("SMTP down"); }, buildLink: (path) => path });
    expect(failing).toBe(0);
    expect(await desk.run(at(MAIL_GATHER_MS + MAIL_INTERVAL_MS - 1))).toBe(0);
    expect(await desk.run(at(MAIL_GATHER_MS + MAIL_INTERVAL_MS))).toBe(1);
    expect(desk.outbox[0]!.text).toContain("flaky");
  });
});
