import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/config/prisma-client";
import { isUniqueViolation } from "@/lib/errors";

/**
 * A cap on work done at once across every server process: `size` slots, each a SlotLease row
 * (`<name>:<n>`) that one task holds until it releases it or its lease runs out. The lease is
 * renewed while the task runs, so only a process that died (kill -9, a crash, a lost machine)
 * leaves a slot taken, and only for one lease. Taking a slot is one conditional UPDATE of a free
 * row (or the INSERT of a missing one, whose key makes a concurrent second INSERT fail): two
 * processes cannot take the same slot, on SQLite or on PostgreSQL.
 */
export type SlotCap = {
  name: string;
  size: number;
  /** How long a slot stays taken without a renewal. */
  leaseMs: number;
  /** How long a task waits for a free slot before it is refused. */
  waitMs: number;
  /** How often a waiting task looks again. */
  pollMs: number;
};

export type SlotsDb = Pick<Db, "slotLease">;
export type Slot = { key: string; holder: string };

const slotKeys = (cap: Pick<SlotCap, "name" | "size">) => Array.from({ length: cap.size }, (_, index) => `${cap.name}:${index}`);

/** Takes a free slot of the cap for `holder`, or answers null when every slot is taken. */
export async function tryTakeSlot(db: SlotsDb, cap: Pick<SlotCap, "name" | "size" | "leaseMs">, holder: string, now = Date.now()): Promise<Slot | null> {
  const keys = slotKeys(cap);
  const rows = await db.slotLease.findMany({ where: { key: { in: keys } }, select: { key: true, expiresAt: true } });
  const existing = new Map(rows.map((row) => [row.key, row.expiresAt.getTime()]));
  const expiresAt = new Date(now + cap.leaseMs);
  for (const key of keys) {
    const until = existing.get(key);
    if (until === undefined) {
      try {
        await db.slotLease.create({ data: { key, holder, expiresAt } });
        return { key, holder };
      } catch (error) {
        // Another process made the row first: it holds this slot.
        if (isUniqueViolation(error)) continue;
        throw error;
      }
    }
    if (until > now) continue;
    // Free when read; taken only if it still is (another process may have been quicker).
    const { count } = await db.slotLease.updateMany({ where: { key, expiresAt: { lte: new Date(now) } }, data: { holder, expiresAt } });
    if (count === 1) return { key, holder };
  }
  return null;
}

/** Extends the lease; false when the slot is no longer this holder's (its lease ran out and another took it). */
export async function renewSlot(db: SlotsDb, slot: Slot, leaseMs: number, now = Date.now()): Promise<boolean> {
  const { count } = await db.slotLease.updateMany({ where: { key: slot.key, holder: slot.holder }, data: { expiresAt: new Date(now + leaseMs) } });
  return count === 1;
}

/** Frees the slot now (the row stays, with a lease that has passed). */
export async function releaseSlot(db: SlotsDb, slot: Slot): Promise<void> {
  await db.slotLease.updateMany({ where: { key: slot.key, holder: slot.holder }, data: { expiresAt: new Date(0) } });
}

export class NoFreeSlot extends Error {
  constructor(readonly cap: string) {
    super(`no free ${cap} slot`);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `task` holding one of the cap's slots: waits for one (looking again every `pollMs`, give or
 * take a random quarter so that waiting processes do not ask in step), renews the lease every
 * third of it while the task runs, and frees it when the task ends, however it ends. Throws
 * NoFreeSlot when none came free within `waitMs`; the task has not run then.
 */
export async function withSlot<T>(db: SlotsDb, cap: SlotCap, task: () => Promise<T>): Promise<T> {
  const holder = randomUUID();
  const deadline = Date.now() + cap.waitMs;
  let slot = await tryTakeSlot(db, cap, holder);
  while (!slot) {
    if (Date.now() >= deadline) throw new NoFreeSlot(cap.name);
    await pause(cap.pollMs * (0.75 + Math.random() / 2));
    slot = await tryTakeSlot(db, cap, holder);
  }
  const held = slot;
  const renewal = setInterval(() => {
    renewSlot(db, held, cap.leaseMs).then(
      (isHeld) => isHeld || console.warn(`${held.key}: the lease ran out while the task was still running (its process stalled); the cap may be exceeded until it ends`),
      (error) => console.warn(`${held.key}: renewing the lease failed`, error),
    );
  }, Math.max(1, Math.floor(cap.leaseMs / 3)));
  renewal.unref();
  try {
    return await task();
  } finally {
    clearInterval(renewal);
    await releaseSlot(db, held).catch((error) => console.warn(`${held.key}: releasing failed; it frees itself when its lease runs out`, error));
  }
}
