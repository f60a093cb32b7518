import { afterAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "@/tests/test-db";
import { createPrismaClient, TRANSACTION_MAX_WAIT_MS } from "./prisma-client";
import { isRetryableTransactionError, retryTransaction } from "./transaction-retry";

// SQLite's own refusals (busy, stale snapshot) are what is retried here: this file runs on SQLite
// whatever database the run's tests use.
const url = createSqliteTestDatabase();
const db = createPrismaClient(url);
// A second connection to the same file stands in for a second process (a script, a test's seeding).
const other = createPrismaClient(url);
afterAll(async () => {
  await Promise.all([db.$disconnect(), other.$disconnect()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("isRetryableTransactionError", () => {
  it("retries what rolled back before anything stuck, nothing else", () => {
    expect(isRetryableTransactionError({ code: "SQLITE_BUSY_SNAPSHOT", message: "database is locked" })).toBe(true);
    expect(isRetryableTransactionError({ code: "SQLITE_BUSY", message: "database is locked" })).toBe(true);
    expect(isRetryableTransactionError({ code: "P1008", message: "Operations timed out" })).toBe(true);
    expect(isRetryableTransactionError({ code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." })).toBe(true);
    expect(isRetryableTransactionError({ code: "P2028", message: "Transaction already closed: A query cannot be executed on a committed transaction." })).toBe(false);
    expect(isRetryableTransactionError({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isRetryableTransactionError(new Error("CONFLICT"))).toBe(false);
    expect(isRetryableTransactionError(null)).toBe(false);
  });

  it("gives up after the last attempt and passes other errors straight on", async () => {
    let calls = 0;
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY_SNAPSHOT" });
    await expect(retryTransaction(async () => { calls += 1; throw busy; }, { attempts: 3, baseDelayMs: 1 })).rejects.toBe(busy);
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryTransaction(async () => { calls += 1; throw new Error("no"); }, { baseDelayMs: 1 })).rejects.toThrow("no");
    expect(calls).toBe(1);
  });
});

describe("interactive transactions under contention", () => {
  it("run again after another connection's commit made their snapshot stale (SQLITE_BUSY_SNAPSHOT)", async () => {
    let attempts = 0;
    await db.auditEvent.count();
    const result = await db.$transaction(async (tx) => {
      attempts += 1;
      const before = await tx.auditEvent.count({ where: { type: "test.snapshot" } });
      // Only the first attempt is overtaken: the other connection commits between our read and our write.
      if (attempts === 1) await other.auditEvent.create({ data: { type: "test.snapshot" } });
      await tx.auditEvent.create({ data: { type: "test.snapshot", detail: `after ${before}` } });
      return before;
    });
    expect(attempts).toBe(2);
    expect(result).toBe(1);
    expect(await db.auditEvent.count({ where: { type: "test.snapshot" } })).toBe(2);
  });

  it("wait longer than Prisma's 2 s default for their turn on the one connection", async () => {
    expect(TRANSACTION_MAX_WAIT_MS).toBeGreaterThan(2_500);
    const slow = db.$transaction(async (tx) => {
      await tx.auditEvent.create({ data: { type: "test.slow" } });
      await sleep(2_500);
    });
    await sleep(50);
    const started = Date.now();
    await db.$transaction((tx) => tx.auditEvent.create({ data: { type: "test.queued" } }));
    expect(Date.now() - started).toBeGreaterThan(2_000);
    await slow;
    expect(await db.auditEvent.count({ where: { type: { in: ["test.slow", "test.queued"] } } })).toBe(2);
  });

  it("50 at once in one process, each holding the connection a while: none fails, none is lost", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) =>
        db.$transaction(async (tx) => {
          await tx.auditEvent.create({ data: { type: "test.fifty", detail: String(index) } });
          await sleep(60); // 50 x 60 ms queue: longer than Prisma's default maxWait
          await tx.auditEvent.count({ where: { type: "test.fifty" } });
        }),
      ),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await db.auditEvent.count({ where: { type: "test.fifty" } })).toBe(50);
  });

  it("passes batch transactions through", async () => {
    const [created, count] = await db.$transaction([db.auditEvent.create({ data: { type: "test.batch" } }), db.auditEvent.count({ where: { type: "test.batch" } })]);
    expect(created.type).toBe("test.batch");
    expect(count).toBe(1);
  });
});
