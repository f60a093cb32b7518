/**
 * A second process for lib/limits/slots.test.ts: at the agreed moment, runs `tasks` tasks at once,
 * each holding one slot of a cap of `size` through its own connection to the database for
 * `holdMs`, and prints when each held its slot (ms since the epoch, on this machine's clock).
 *
 *   tsx tests/limits/slots-at-once.ts <database url> <cap name> <size> <tasks> <hold ms> <start at, ms since epoch>
 */
import { createPrismaClient } from "../../lib/config/prisma-client";
import { withSlot } from "../../lib/limits/slots";

const [databaseUrl, name, size, tasks, holdMs, startAt] = process.argv.slice(2);
const db = createPrismaClient(databaseUrl);
await db.slotLease.count(); // connect before the agreed moment
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const cap = { name, size: Number(size), leaseMs: 10_000, waitMs: 30_000, pollMs: 20 };
const held = await Promise.all(
  Array.from({ length: Number(tasks) }, () =>
    withSlot(db, cap, async () => {
      const from = Date.now();
      await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
      return { from, to: Date.now() };
    }),
  ),
);
console.log(JSON.stringify({ held }));
await db.$disconnect();
