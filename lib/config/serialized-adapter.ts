import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { wrapConnect } from "./adapter-factory";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A first-come, first-served lock: `acquire` resolves with the function that releases it. */
function createLock() {
  let tail: Promise<void> = Promise.resolve();
  return {
    acquire(): Promise<() => void> {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const turn = tail.then(() => release);
      tail = tail.then(() => held);
      return turn;
    },
  };
}

/**
 * The better-sqlite3 adapter has one connection. It queues interactive transactions behind each
 * other, but a query outside a transaction runs on that connection at once, even while another
 * request's transaction is open there: it reads that transaction's uncommitted rows, and its own
 * write becomes part of it, lost if the transaction rolls back (a refused stale save, a failed
 * check), although its caller was told it succeeded. Here every query outside a transaction
 * waits its turn like a transaction does: one lock, taken from BEGIN to COMMIT/ROLLBACK, or for
 * the one statement.
 */
export function serializeConnection(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  return wrapConnect(factory, async (open): Promise<Adapter> => {
    const adapter = await open();
    const lock = createLock();
    async function alone<T>(run: () => Promise<T>): Promise<T> {
      const release = await lock.acquire();
      try {
        return await run();
      } finally {
        release();
      }
    }
    return new Proxy(adapter, {
      get(target, property, receiver) {
        switch (property) {
          case "queryRaw":
          case "executeRaw":
          case "executeScript":
            return (argument: never) => alone(() => (target[property] as (value: never) => Promise<unknown>).call(target, argument));
          case "startTransaction":
            return async (isolationLevel?: Parameters<Adapter["startTransaction"]>[0]) => {
              const release = await lock.acquire();
              try {
                return holdUntilClosed(await target.startTransaction(isolationLevel), release);
              } catch (error) {
                release();
                throw error;
              }
            };
          default:
            return Reflect.get(target, property, receiver);
        }
      },
    });
  });
}

function holdUntilClosed(transaction: Transaction, release: () => void): Transaction {
  let isReleased = false;
  const close = (end: () => Promise<void>) => async () => {
    try {
      await end();
    } finally {
      if (!isReleased) {
        isReleased = true;
        release();
      }
    }
  };
  return new Proxy(transaction, {
    get(target, property, receiver) {
      if (property === "commit") return close(() => target.commit());
      if (property === "rollback") return close(() => target.rollback());
      return Reflect.get(target, property, receiver);
    },
  });
}
