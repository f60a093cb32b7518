import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim } from "@/lib/claims/mutations";
import { readLiveHead } from "@/lib/live/changes";
import { LiveHub } from "@/lib/live/hub";
import { createTeam } from "@/lib/teams/mutations";
import { createPrismaClient } from "@/lib/config/prisma-client";
import { createTestUser, openTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { leavePresence, MAX_PRESENT_PAGES, PRESENCE_TTL_MS, prunePresence, readTeamPresence, renewPresence, setPresence, type PresenceEntry } from "./presence";
import { presenceHeartbeatSchema } from "./schema";

const { db, url: databaseUrl } = openTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass.";

async function setUp(label = "Desk") {
  const owner = await createTestUser(db, { name: `${label} Owner` });
  const colleague = await createTestUser(db, { name: `${label} Colleague` });
  const team = await createTeam(db, { name: label, userId: owner.id });
  await db.membership.create({ data: { teamId: team.id, userId: colleague.id, role: "editor" } });
  const actor = { teamId: team.id, userId: owner.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const claim = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(".") + 1 });
  return { teamId: team.id, owner, colleague, articleId, claimId: claim.id, place: (userId: string) => ({ teamId: team.id, userId, articleId }) };
}

const beat = (tab: string, extra: { claim?: string; activity?: string } = {}) => presenceHeartbeatSchema.parse({ tab, ...extra });
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("presence", () => {
  it("a page's arrival is read back with its place and activity; a renewal is one UPDATE that only extends it, a change is not a renewal", async () => {
    const desk = await setUp();
    const now = new Date();
    const page = beat("first-page-0001", { claim: desk.claimId, activity: "writing_verdict" });
    expect(await renewPresence(db, desk.place(desk.colleague.id), page, now)).toBe(false);
    await setPresence(db, desk.place(desk.colleague.id), page, now);
    expect(await readTeamPresence(db, desk.teamId, now)).toEqual<PresenceEntry[]>([
      { userId: desk.colleague.id, name: "Desk Colleague", articleId: desk.articleId, claimId: desk.claimId, activity: "writing_verdict", since: now.toISOString() },
    ]);

    expect(await renewPresence(db, desk.place(desk.colleague.id), page, at(now, 10_000))).toBe(true);
    const row = await db.presence.findFirstOrThrow({ where: { userId: desk.colleague.id } });
    expect(row.expiresAt.getTime()).toBe(now.getTime() + 10_000 + PRESENCE_TTL_MS);
    expect(row.changedAt.getTime()).toBe(now.getTime());

    // Another activity or claim is a change, which setPresence makes (and tells colleagues).
    expect(await renewPresence(db, desk.place(desk.colleague.id), beat("first-page-0001", { claim: desk.claimId, activity: "commenting" }), at(now, 11_000))).toBe(false);
    expect(await renewPresence(db, desk.place(desk.colleague.id), beat("first-page-0001"), at(now, 11_000))).toBe(false);
    await setPresence(db, desk.place(desk.colleague.id), beat("first-page-0001", { claim: desk.claimId, activity: "commenting" }), at(now, 11_000));
    expect((await readTeamPresence(db, desk.teamId, at(now, 11_000))).map((entry) => entry.activity)).toEqual(["commenting"]);
  });

  it("expires without a heartbeat, is not renewed once expired, and is pruned later", async () => {
    const desk = await setUp();
    const now = new Date();
    const page = beat("expiring-page-01");
    await setPresence(db, desk.place(desk.owner.id), page, now);
    expect(await readTeamPresence(db, desk.teamId, at(now, PRESENCE_TTL_MS - 1))).toHaveLength(1);
    expect(await readTeamPresence(db, desk.teamId, at(now, PRESENCE_TTL_MS + 1))).toEqual([]);
    // A late heartbeat after expiry is an arrival again (colleagues had stopped seeing the page).
    expect(await renewPresence(db, desk.place(desk.owner.id), page, at(now, PRESENCE_TTL_MS + 1))).toBe(false);
    expect(await prunePresence(db, at(now, PRESENCE_TTL_MS + 30_000))).toBe(0);
    expect(await prunePresence(db, at(now, PRESENCE_TTL_MS + 61_000))).toBeGreaterThanOrEqual(1);
    expect(await db.presence.count({ where: { teamId: desk.teamId } })).toBe(0);
  });

  it("leaving deletes the page's own row only: the same person's other tab stays, and one person's two tabs in one place are one entry", async () => {
    const desk = await setUp();
    const now = new Date();
    await setPresence(db, desk.place(desk.owner.id), beat("tab-one-000001", { claim: desk.claimId }), now);
    await setPresence(db, desk.place(desk.owner.id), beat("tab-two-000002", { claim: desk.claimId }), at(now, 5));
    await setPresence(db, desk.place(desk.colleague.id), beat("tab-one-000001"), at(now, 10));
    expect((await readTeamPresence(db, desk.teamId, at(now, 20))).map((entry) => entry.userId)).toEqual([desk.owner.id, desk.colleague.id]);

    // Another person naming my tab's id removes nothing of mine.
    expect(await leavePresence(db, desk.place(desk.colleague.id), "tab-two-000002")).toBe(false);
    expect(await leavePresence(db, desk.place(desk.owner.id), "tab-one-000001")).toBe(true);
    expect(await leavePresence(db, desk.place(desk.owner.id), "tab-one-000001")).toBe(false);
    expect((await readTeamPresence(db, desk.teamId, at(now, 20))).map((entry) => entry.userId)).toEqual([desk.owner.id, desk.colleague.id]);
    await leavePresence(db, desk.place(desk.owner.id), "tab-two-000002");
    expect((await readTeamPresence(db, desk.teamId, at(now, 20))).map((entry) => entry.userId)).toEqual([desk.colleague.id]);
  });

  it("keeps teams apart: another team's article or claim is not found, its presence is not read, and a removed member vanishes at once", async () => {
    const desk = await setUp("Desk");
    const other = await setUp("Other");
    const now = new Date();
    // My team, another team's article: not found, nothing written.
    await expect(setPresence(db, { teamId: desk.teamId, userId: desk.owner.id, articleId: other.articleId }, beat("foreign-article"), now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setPresence(db, desk.place(desk.owner.id), beat("foreign-claim-01", { claim: other.claimId }), now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(leavePresence(db, { teamId: desk.teamId, userId: desk.owner.id, articleId: other.articleId }, "foreign-article")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.presence.count({ where: { userId: desk.owner.id } })).toBe(0);

    await setPresence(db, desk.place(desk.owner.id), beat("desk-page-00001"), now);
    await setPresence(db, other.place(other.owner.id), beat("other-page-0001"), now);
    expect((await readTeamPresence(db, desk.teamId, now)).map((entry) => entry.userId)).toEqual([desk.owner.id]);
    expect((await readTeamPresence(db, other.teamId, now)).map((entry) => entry.userId)).toEqual([other.owner.id]);
    // A renewal naming another team's place renews nothing.
    expect(await renewPresence(db, { teamId: other.teamId, userId: desk.owner.id, articleId: other.articleId }, beat("desk-page-00001"), now)).toBe(false);

    await setPresence(db, desk.place(desk.colleague.id), beat("colleague-page-1"), now);
    await db.membership.deleteMany({ where: { teamId: desk.teamId, userId: desk.colleague.id } });
    expect((await readTeamPresence(db, desk.teamId, now)).map((entry) => entry.userId)).toEqual([desk.owner.id]);
  });

  it(`lets one person be present on at most ${MAX_PRESENT_PAGES} pages at once`, async () => {
    const desk = await setUp();
    const now = new Date();
    for (let page = 0; page < MAX_PRESENT_PAGES; page += 1) await setPresence(db, desk.place(desk.owner.id), beat(`many-pages-${String(page).padStart(4, "0")}`), now);
    await expect(setPresence(db, desk.place(desk.owner.id), beat("one-page-too-many"), now)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // A page already present may still change what it does.
    await setPresence(db, desk.place(desk.owner.id), beat("many-pages-0000", { activity: "commenting" }), now);
  });

  it("reaches the pages of the team through the live hub: at once, on every change, and when a page's heartbeat stops", async () => {
    const desk = await setUp();
    const hub = new LiveHub({ db, pollMs: 50, onError: (error) => { throw error; } }).start();
    try {
      const seen: PresenceEntry[][] = [];
      const noPresence: string[] = [];
      hub.subscribe(desk.teamId, { cursor: await readLiveHead(db, desk.teamId), userId: desk.owner.id, send: () => {}, reset: () => {}, sendPresence: (entries) => seen.push(entries) });
      hub.subscribe(desk.teamId, { cursor: await readLiveHead(db, desk.teamId), userId: desk.owner.id, send: () => {}, reset: () => noPresence.push("reset") });
      await until(() => seen.length === 1);
      expect(seen[0]).toEqual([]);

      await setPresence(db, desk.place(desk.colleague.id), beat("hub-page-000001", { claim: desk.claimId, activity: "editing_statement" }));
      hub.poke(desk.teamId);
      await until(() => seen.length === 2);
      expect(seen[1]!.map((entry) => [entry.name, entry.activity])).toEqual([["Desk Colleague", "editing_statement"]]);

      // Renewals change nothing a page shows: nothing is sent.
      await renewPresence(db, desk.place(desk.colleague.id), beat("hub-page-000001", { claim: desk.claimId, activity: "editing_statement" }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toHaveLength(2);

      // The page's heartbeat stops: the poll finds it gone once it expires.
      await db.presence.updateMany({ where: { userId: desk.colleague.id }, data: { expiresAt: new Date(Date.now() + 100) } });
      await until(() => seen.length === 3);
      expect(seen[2]).toEqual([]);
      expect(noPresence).toEqual([]);
    } finally {
      await hub.stop();
    }
  });

  it.skipIf(testDatabaseKind !== "postgresql")("reaches another app process's pages at once through NOTIFY, without its poll (PostgreSQL)", async () => {
    const desk = await setUp();
    // "Another process": its own connection pool and hub, listening, with a poll too slow to help.
    const otherDb = createPrismaClient(databaseUrl);
    const hub = new LiveHub({ db: otherDb, databaseUrl, pollMs: 60_000, onError: (error) => { throw error; } }).start();
    try {
      const seen: PresenceEntry[][] = [];
      hub.subscribe(desk.teamId, { cursor: await readLiveHead(db, desk.teamId), userId: desk.owner.id, send: () => {}, reset: () => {}, sendPresence: (entries) => seen.push(entries) });
      await until(() => seen.length === 1);
      // Give the listener its moment to LISTEN before the arrival.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await setPresence(db, desk.place(desk.colleague.id), beat("notify-page-001"));
      await until(() => seen.length === 2, 3_000);
      expect(seen[1]!.map((entry) => entry.userId)).toEqual([desk.colleague.id]);
      await leavePresence(db, desk.place(desk.colleague.id), "notify-page-001");
      await until(() => seen.length === 3, 3_000);
      expect(seen[2]).toEqual([]);
    } finally {
      await hub.stop();
      await otherDb.$disconnect();
    }
  });
});

async function until(check: () => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
