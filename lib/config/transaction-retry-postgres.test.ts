import { afterAll, describe, expect, it } from "vitest";
import { createTestUser, openTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { createPrismaClient } from "./prisma-client";
import { lockRows } from "./row-locks";
import { isRetryableTransactionError } from "./transaction-retry";

// What PostgreSQL refuses when transactions run side by side, as it arrives through Prisma's
// adapter, and that it is run again. SQLite runs one transaction at a time: its own refusals are
// in transaction-retry.test.ts, and the latches below would wait for ever there.
const { db, url, ready } = openTestDatabase();

/** A promise with its resolve function: a latch one transaction opens for another. */
function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("isRetryableTransactionError", () => {
  it("retries deadlocks and serialization failures in each shape the adapter gives them", () => {
    const adapterError = (cause: Record<string, unknown>) => Object.assign(new Error("deadlock detected"), { name: "DriverAdapterError", cause });
    expect(isRetryableTransactionError(adapterError({ originalCode: "40P01", kind: "postgres", code: "40P01" }))).toBe(true);
    expect(isRetryableTransactionError(adapterError({ originalCode: "40001", kind: "TransactionWriteConflict" }))).toBe(true);
    expect(isRetryableTransactionError({ code: "P2034", meta: { driverAdapterError: { cause: { originalCode: "40001" } } } })).toBe(true);
    expect(isRetryableTransactionError({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "40P01" } } } })).toBe(true);
    expect(isRetryableTransactionError({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "42P01" } } } })).toBe(false);
    expect(isRetryableTransactionError(adapterError({ originalCode: "23505", kind: "UniqueConstraintViolation" }))).toBe(false);
  });
});

describe.runIf(testDatabaseKind === "postgresql")("on PostgreSQL, transactions that run side by side", () => {
  it("are run again when PostgreSQL breaks a deadlock between them, and both complete", async () => {
    const [first, second] = [await createTestUser(db), await createTestUser(db)];
    const attempts = { ab: 0, ba: 0 };
    const holding = { ab: latch(), ba: latch() };
    // Each locks one row, waits until the other holds the other row, then asks for it.
    const lockBoth = (name: "ab" | "ba", ids: [string, string], other: "ab" | "ba") =>
      db.$transaction(async (tx) => {
        attempts[name] += 1;
        await lockRows(tx, "User", [ids[0]]);
        holding[name].open();
        await holding[other].opened;
        await lockRows(tx, "User", [ids[1]]);
        await tx.user.update({ where: { id: ids[0] }, data: { name: `${name} ${attempts[name]}` } });
      });
    const results = await Promise.allSettled([lockBoth("ab", [first.id, second.id], "ba"), lockBoth("ba", [second.id, first.id], "ab")]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(attempts.ab + attempts.ba).toBe(3);
  });

  it("are run again after a serialization failure at COMMIT, and the connection goes back to the pool", async () => {
    await ready;
    // One connection: a COMMIT that failed and kept it would leave this client none.
    const small = createPrismaClient(url, { poolSize: 1 });
    const other = createPrismaClient(url);
    afterAll(() => Promise.all([small.$disconnect(), other.$disconnect()]));
    for (let round = 0; round < 2; round++) {
      const type = `test.write-skew.${round}`;
      const [counted, loserWrote, winnerWrote, winnerCommitted] = [latch(), latch(), latch(), latch()];
      let attempts = 0;
      // Both count, both insert, then the winner commits: at Serializable the loser's COMMIT is refused (40001).
      const loser = small.$transaction(async (tx) => {
        attempts += 1;
        const seen = await tx.auditEvent.count({ where: { type } });
        counted.open();
        await winnerWrote.opened;
        await tx.auditEvent.create({ data: { type, detail: `saw ${seen}` } });
        loserWrote.open();
        await winnerCommitted.opened;
      }, { isolationLevel: "Serializable", maxWait: 1_000 });
      const winner = other.$transaction(async (tx) => {
        await counted.opened;
        const seen = await tx.auditEvent.count({ where: { type } });
        await tx.auditEvent.create({ data: { type, detail: `saw ${seen}` } });
        winnerWrote.open();
        await loserWrote.opened;
      }, { isolationLevel: "Serializable" });
      await winner;
      winnerCommitted.open();
      await loser;
      expect(attempts).toBe(2);
      // The attempt that ran again saw the winner's row: nothing was decided on a stale count.
      expect((await db.auditEvent.findMany({ where: { type }, orderBy: { detail: "asc" } })).map((row) => row.detail)).toEqual(["saw 0", "saw 1"]);
    }
    expect(await small.user.count()).toBeGreaterThan(0);
  });
});
