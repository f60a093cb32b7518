import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/tests/test-db";

const db = setUpTestDatabase();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transaction that writes, waits (as one awaiting its next query under load does), then fails. */
function failingTransaction(type: string) {
  return db
    .$transaction(async (tx) => {
      await tx.auditEvent.create({ data: { type } });
      await sleep(200);
      throw new Error("refused: stale revision");
    })
    .catch(() => "rolled back");
}

describe("one connection shared by concurrent requests", () => {
  it("does not let a write outside a transaction be rolled back with another request's transaction", async () => {
    const user = await db.user.create({ data: { email: "shared-connection@example.test", name: "Before" } });
    const failing = failingTransaction("test.in-failed-tx");
    await sleep(30);
    await db.auditEvent.create({ data: { type: "test.acknowledged" } });
    await db.user.update({ where: { id: user.id }, data: { name: "After" } });
    await db.$executeRaw`INSERT INTO AuditEvent (id, type, createdAt) VALUES ('raw-outside', 'test.acknowledged-raw', 0)`;
    expect(await failing).toBe("rolled back");
    expect(await db.auditEvent.count({ where: { type: { in: ["test.acknowledged", "test.acknowledged-raw"] } } })).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("After");
    expect(await db.auditEvent.count({ where: { type: "test.in-failed-tx" } })).toBe(0);
  });

  it("does not show another request's uncommitted rows", async () => {
    const failing = failingTransaction("test.uncommitted");
    await sleep(30);
    expect(await db.auditEvent.count({ where: { type: "test.uncommitted" } })).toBe(0);
    await failing;
  });
});
