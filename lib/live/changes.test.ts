import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { addComment } from "@/lib/verification/comments";
import { setClaimStatus } from "@/lib/verification/mutations";
import { createTestUser, setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { canCatchUp, compareCursors, formatCursor, LIVE_RETENTION_MS, parseCursor, pruneLiveChanges, readLiveChanges, readLiveHead, recordLiveChange, START, type Cursor } from "./changes";
import { LiveHub, type LiveSubscriber } from "./hub";

const db = setUpTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass.";

async function setUp(label = "Desk") {
  const owner = await createTestUser(db, { name: `${label} Owner` });
  const team = await createTeam(db, { name: label, userId: owner.id });
  const actor = { teamId: team.id, userId: owner.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const claim = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(".") + 1 });
  return { actor, teamId: team.id, articleId, claimId: claim.id };
}

/** A gate a test opens when it wants a transaction to go on. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("cursors", () => {
  it("read back what they wrote, and refuse anything else", () => {
    const cursor: Cursor = { txid: 9_007_199_254_740_993n, seq: 42 };
    expect(parseCursor(formatCursor(cursor))).toEqual(cursor);
    for (const bad of ["", "1", "1.", ".1", "-1.2", "1.2.3", "1e3.1", "99999999999999999999.1", "1.99999999999", "1.2 ", null, undefined]) expect(parseCursor(bad)).toBeNull();
    expect(compareCursors({ txid: 1n, seq: 9 }, { txid: 2n, seq: 1 })).toBeLessThan(0);
    expect(compareCursors({ txid: 2n, seq: 1 }, { txid: 2n, seq: 3 })).toBeLessThan(0);
  });
});

describe("the team's change feed", () => {
  it("has a row for each change in its history, naming the claim's article, in order, for its own team only", async () => {
    const desk = await setUp();
    const other = await setUp("Other");
    const head = await readLiveHead(db, desk.teamId);
    await setClaimStatus(db, desk.actor, { claimId: desk.claimId, revision: 1, status: "in_progress" });
    await addComment(db, desk.actor, { claimId: desk.claimId, body: "Checked the bill." });
    await addComment(db, other.actor, { claimId: other.claimId, body: "Not this team's." });
    const changes = await readLiveChanges(db, desk.teamId, head);
    expect(changes.map(({ kind, claimId, articleId, actorId }) => ({ kind, claimId, articleId, actorId }))).toEqual([
      { kind: "status_changed", claimId: desk.claimId, articleId: desk.articleId, actorId: desk.actor.userId },
      { kind: "commented", claimId: desk.claimId, articleId: desk.articleId, actorId: desk.actor.userId },
    ]);
    expect(compareCursors(changes[0]!.cursor, changes[1]!.cursor)).toBeLessThan(0);
    expect(await readLiveChanges(db, desk.teamId, changes[1]!.cursor)).toEqual([]);
    expect(await readLiveHead(db, desk.teamId)).toEqual(changes[1]!.cursor);
  });

  it("has no row for a change whose transaction rolled back", async () => {
    const desk = await setUp();
    const head = await readLiveHead(db, desk.teamId);
    await expect(
      db.$transaction(async (tx) => {
        await recordLiveChange(tx, { teamId: desk.teamId, claimId: desk.claimId, kind: "edited" });
        throw new Error("refused after all");
      }),
    ).rejects.toThrow("refused after all");
    expect(await readLiveChanges(db, desk.teamId, head)).toEqual([]);
  });

  it.skipIf(testDatabaseKind !== "postgresql")(
    "never hands out a change ahead of one whose transaction is still open, whichever commits first (PostgreSQL)",
    async () => {
      const desk = await setUp();
      const head = await readLiveHead(db, desk.teamId);
      // `early` takes its transaction id first but writes its change last; `late` writes its change
      // while `early` is open, then commits first. A reader between the two commits must not move
      // past a change it cannot see yet.
      const earlyStarted = gate();
      const lateCommitted = gate();
      const early = db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_current_xact_id()`);
        earlyStarted.open();
        await lateCommitted.opened;
        await recordLiveChange(tx, { teamId: desk.teamId, claimId: desk.claimId, kind: "edited" });
      });
      await earlyStarted.opened;
      await db.$transaction(async (tx) => recordLiveChange(tx, { teamId: desk.teamId, claimId: desk.claimId, kind: "status_changed" }));
      const seenBetween = await readLiveChanges(db, desk.teamId, head);
      lateCommitted.open();
      await early;
      expect(seenBetween).toEqual([]);
      const all = await readLiveChanges(db, desk.teamId, head);
      expect(all.map((change) => change.kind).sort()).toEqual(["edited", "status_changed"]);

      // And the other way round: a reader that moved past the first commit still gets the second.
      const secondStarted = gate();
      const firstRead = gate();
      const cursor = all.at(-1)!.cursor;
      const second = db.$transaction(async (tx) => {
        await recordLiveChange(tx, { teamId: desk.teamId, claimId: desk.claimId, kind: "commented" });
        secondStarted.open();
        await firstRead.opened;
      });
      await secondStarted.opened;
      await db.$transaction(async (tx) => recordLiveChange(tx, { teamId: desk.teamId, claimId: desk.claimId, kind: "assigned" }));
      const afterFirst = await readLiveChanges(db, desk.teamId, cursor);
      firstRead.open();
      await second;
      const rest = await readLiveChanges(db, desk.teamId, afterFirst.at(-1)?.cursor ?? cursor);
      expect([...afterFirst, ...rest].map((change) => change.kind).sort()).toEqual(["assigned", "commented"]);
    },
  );

  it("keeps a day of changes: older ones are pruned, and a page whose last change went must reload", async () => {
    const desk = await setUp();
    const head = await readLiveHead(db, desk.teamId);
    await setClaimStatus(db, desk.actor, { claimId: desk.claimId, revision: 1, status: "in_progress" });
    const [change] = await readLiveChanges(db, desk.teamId, head);
    expect(await canCatchUp(db, desk.teamId, change!.cursor)).toBe(true);
    expect(await pruneLiveChanges(db, new Date(Date.now() + LIVE_RETENTION_MS - 60_000))).toBe(0);
    expect(await pruneLiveChanges(db, new Date(Date.now() + LIVE_RETENTION_MS + 60_000))).toBeGreaterThan(0);
    expect(await canCatchUp(db, desk.teamId, change!.cursor)).toBe(false);
    expect(await canCatchUp(db, desk.teamId, START)).toBe(true);
  });
});

describe("a process's live hub", () => {
  function subscriber(cursor: Cursor, userId = "a colleague") {
    const received: string[] = [];
    const self: LiveSubscriber & { received: string[]; isReset: boolean } = {
      cursor,
      userId,
      received,
      isReset: false,
      send: (changes) => received.push(...changes.map((change) => change.kind)),
      reset: () => void (self.isReset = true),
    };
    return self;
  }

  async function until(check: () => boolean, ms = 5_000) {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it("hands each page every change after its own position once, a page behind first what it missed, and stops after unsubscribe", async () => {
    const desk = await setUp();
    const hub = new LiveHub({ db, pollMs: 60_000, onError: (error) => { throw error; } }).start();
    try {
      const start = await readLiveHead(db, desk.teamId);
      await addComment(db, desk.actor, { claimId: desk.claimId, body: "Before anyone looked." });
      const current = subscriber(await readLiveHead(db, desk.teamId));
      const behind = subscriber(start);
      const offCurrent = hub.subscribe(desk.teamId, current);
      const offBehind = hub.subscribe(desk.teamId, behind);
      await until(() => behind.received.length === 1);
      expect(behind.received).toEqual(["commented"]);

      await setClaimStatus(db, desk.actor, { claimId: desk.claimId, revision: 1, status: "in_progress" });
      hub.poke(desk.teamId);
      await until(() => current.received.length === 1 && behind.received.length === 2);
      expect(current.received).toEqual(["status_changed"]);
      expect(behind.received).toEqual(["commented", "status_changed"]);

      offBehind();
      await addComment(db, desk.actor, { claimId: desk.claimId, body: "After one left." });
      hub.poke(desk.teamId);
      await until(() => current.received.length === 2);
      expect(behind.received).toHaveLength(2);
      offCurrent();
      await until(() => hub.streamCount === 0);
    } finally {
      await hub.stop();
    }
  });

  it("hands a change meant for one person (a notification) to that person's pages alone", async () => {
    const desk = await setUp();
    const hub = new LiveHub({ db, pollMs: 60_000, onError: (error) => { throw error; } }).start();
    try {
      const head = await readLiveHead(db, desk.teamId);
      const recipient = subscriber(head, "recipient");
      const colleague = subscriber(head, "colleague");
      hub.subscribe(desk.teamId, recipient);
      hub.subscribe(desk.teamId, colleague);
      await db.$transaction((tx) => recordLiveChange(tx, { teamId: desk.teamId, claimId: desk.claimId, kind: "notified", recipientId: "recipient" }));
      await addComment(db, desk.actor, { claimId: desk.claimId, body: "For everyone." });
      hub.poke(desk.teamId);
      await until(() => recipient.received.length === 2 && colleague.received.length === 1);
      expect(recipient.received).toEqual(["notified", "commented"]);
      expect(colleague.received).toEqual(["commented"]);
      // The colleague's position moved past the change they were not handed.
      expect(colleague.cursor).toEqual(recipient.cursor);
    } finally {
      await hub.stop();
    }
  });

  it("finds changes by itself when nobody pokes it (the poll), and tells a page too far behind to reload", async () => {
    const desk = await setUp();
    const hub = new LiveHub({ db, pollMs: 50, onError: (error) => { throw error; } }).start();
    try {
      const page = subscriber(await readLiveHead(db, desk.teamId));
      const off = hub.subscribe(desk.teamId, page);
      await setClaimStatus(db, desk.actor, { claimId: desk.claimId, revision: 1, status: "in_progress" });
      await until(() => page.received.length === 1);
      off();

      const gone = subscriber({ txid: 0n, seq: 2_000_000_000 });
      hub.subscribe(desk.teamId, gone);
      await until(() => gone.isReset);
      expect(gone.received).toEqual([]);
    } finally {
      await hub.stop();
    }
  });
});
