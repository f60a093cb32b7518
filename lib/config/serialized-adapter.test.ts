import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "@/tests/test-db";
import { resolveSqlitePath } from "./database-url";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serializeConnection } from "./serialized-adapter";

type Query = { sql: string; args: unknown[] };

/** A promise with its resolve at hand: one side waits on it, the other says when. */
function createLatch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/**
 * The app's connection stack (better-sqlite3 under the serializing wrapper) with one more layer
 * on top that tells the test when a query reaches the connection: the moment it is issued, before
 * it waits for its turn or runs. Ordering by that signal, not by sleeps, makes each case exact.
 */
function createWatchedClient() {
  // The serializer exists for SQLite's one connection: this file runs on SQLite whatever
  // database the run's tests use.
  const file = resolveSqlitePath(createSqliteTestDatabase());
  const watchers: { matches: (query: Query) => boolean; open: () => void }[] = [];
  const serialized = serializeConnection(new PrismaBetterSQLite3({ url: file }));
  const connect = serialized.connect.bind(serialized);
  const watched = Object.assign(Object.create(Object.getPrototypeOf(serialized)), serialized, {
    provider: serialized.provider,
    adapterName: serialized.adapterName,
    async connect() {
      const adapter = await connect();
      return new Proxy(adapter, {
        get(target, property, receiver) {
          if (property !== "queryRaw" && property !== "executeRaw") {
            const value = Reflect.get(target, property, receiver);
            // Methods run on the adapter itself: its class keeps private fields a proxy lacks.
            return typeof value === "function" ? value.bind(target) : value;
          }
          return (query: Query) => {
            for (const watcher of watchers) if (watcher.matches(query)) watcher.open();
            return (target[property] as (value: Query) => Promise<unknown>).call(target, query);
          };
        },
      });
    },
  }) as PrismaBetterSQLite3;
  const db = new PrismaClient({ adapter: watched });
  afterAll(() => db.$disconnect());
  /** Opens when a query outside any transaction whose arguments hold `marker` is issued. */
  function whenIssued(marker: string) {
    const latch = createLatch();
    watchers.push({ matches: (query) => query.args.includes(marker), open: latch.open });
    return latch.opened;
  }
  return { db, whenIssued };
}

const { db, whenIssued } = createWatchedClient();

/**
 * A request's transaction that writes, then waits (as one awaiting its next query under load
 * does) until `release` opens, then fails and rolls back. `written` opens once its row is in.
 */
function startFailingTransaction(type: string, release: Promise<void>) {
  const written = createLatch();
  const outcome = db
    .$transaction(async (tx) => {
      await tx.auditEvent.create({ data: { type } });
      written.open();
      await release;
      throw new Error("refused: stale revision");
    }, { timeout: 20_000 })
    .catch(() => "rolled back");
  return { written: written.opened, outcome };
}

describe("one connection shared by concurrent requests", () => {
  it("does not let a write outside a transaction be rolled back with another request's transaction", async () => {
    const user = await db.user.create({ data: { email: "shared-connection@example.test", name: "Before" } });
    // The transaction ends only once the outside write has been issued on the shared connection.
    const failing = startFailingTransaction("test.in-failed-tx", whenIssued("test.acknowledged"));
    await failing.written;
    await db.auditEvent.create({ data: { type: "test.acknowledged" } });
    await db.user.update({ where: { id: user.id }, data: { name: "After" } });
    await db.$executeRaw`INSERT INTO AuditEvent (id, type, createdAt) VALUES ('raw-outside', 'test.acknowledged-raw', 0)`;
    expect(await failing.outcome).toBe("rolled back");
    expect(await db.auditEvent.count({ where: { type: { in: ["test.acknowledged", "test.acknowledged-raw"] } } })).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("After");
    expect(await db.auditEvent.count({ where: { type: "test.in-failed-tx" } })).toBe(0);
  });

  it("does not show another request's uncommitted rows", async () => {
    // The transaction ends only once the outside read has been issued on the shared connection.
    const failing = startFailingTransaction("test.uncommitted", whenIssued("test.uncommitted"));
    await failing.written;
    expect(await db.auditEvent.count({ where: { type: "test.uncommitted" } })).toBe(0);
    expect(await failing.outcome).toBe("rolled back");
  });
});
