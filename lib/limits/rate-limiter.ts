import type { Db } from "@/lib/config/prisma-client";
import { isUniqueViolation } from "@/lib/errors";
import { formatRate, type Rate } from "./rate";

/**
 * A generic rate limiter kept in the database (RateLimit rows), so every server process counts
 * against the same buckets. It is the generic cell rate algorithm: a bucket holds the time it is
 * next empty (`readyAt`); each request adds `window / count` to it, and is allowed while that
 * stays within one window of now. So `count` requests may come at once, then one per
 * `window / count`: a steady slow-down rather than a lock-out that ends all at once.
 *
 * Each step is one conditional UPDATE (or an INSERT of a missing row, whose unique key makes a
 * concurrent second INSERT fail): concurrent requests cannot both take the last unit, on SQLite
 * or on PostgreSQL. A request's buckets are taken in one transaction, so a refusal by one gives
 * the others back by rolling back, and the whole costs one commit (one fsync on SQLite).
 */

/** One subject's bucket for one rate, e.g. sign-ins to one account at 5/15m. */
export type Bucket = { key: string; rate: Rate };

export type Reservation =
  | { isAllowed: true; buckets: Bucket[] }
  | { isAllowed: false; retryAfterMs: number; /** the bucket that holds the request longest */ refusedBy: Bucket };

export type LimiterDb = Pick<Db, "rateLimit" | "$transaction">;
type Tx = Pick<Parameters<Parameters<Db["$transaction"]>[0]>[0], "rateLimit" | "$executeRaw">;

/** The buckets of `subject` for each of a throttle's rates; the rate is part of the key, so changing it starts afresh. */
export function bucketsFor(throttle: string, rates: readonly Rate[], subject: string): Bucket[] {
  return rates.map((rate) => ({ key: `${throttle}:${formatRate(rate)}:${subject}`, rate }));
}

const intervalOf = (rate: Rate) => Math.ceil(rate.windowMs / rate.count);
/** A request is allowed when the bucket is empty by then: one interval short of a full window from now. */
const latestStart = (rate: Rate, now: number) => now + rate.windowMs - intervalOf(rate);

/**
 * Takes one unit from every bucket, or from none: when any bucket is full, nothing is taken, and
 * the answer says how long until all of them would allow it.
 */
export async function reserve(db: LimiterDb, buckets: Bucket[], now = Date.now()): Promise<Reservation> {
  await pruneNowAndThen(db, now);
  if (buckets.length === 0) return { isAllowed: true, buckets };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        let refusal: { retryAfterMs: number; refusedBy: Bucket } | null = null;
        for (const bucket of buckets) {
          const wait = await take(tx, bucket, now);
          if (wait > 0 && (!refusal || wait > refusal.retryAfterMs)) refusal = { retryAfterMs: wait, refusedBy: bucket };
        }
        // Thrown to roll back the units taken from the other buckets.
        if (refusal) throw new Refusal(refusal);
        return { isAllowed: true as const, buckets };
      });
    } catch (error) {
      if (error instanceof Refusal) return { isAllowed: false, ...error.refusal };
      // Two transactions inserted one new bucket at once (PostgreSQL; SQLite runs them one after the other): again.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

class Refusal extends Error {
  constructor(readonly refusal: { retryAfterMs: number; refusedBy: Bucket }) {
    super("rate limited");
  }
}

/** Gives back one unit to each bucket (a reservation that turned out not to count). */
export async function refund(db: LimiterDb, buckets: Bucket[]): Promise<void> {
  if (buckets.length === 0) return;
  await db.$transaction(async (tx) => {
    for (const bucket of buckets) {
      await tx.rateLimit.updateMany({ where: { key: bucket.key }, data: { readyAt: { decrement: BigInt(intervalOf(bucket.rate)) } } });
    }
  });
}

/** Empties the buckets (a successful sign-in forgives the failures before it). */
export async function clear(db: Pick<Db, "rateLimit">, buckets: Bucket[]): Promise<void> {
  if (buckets.length) await db.rateLimit.deleteMany({ where: { key: { in: buckets.map((bucket) => bucket.key) } } });
}

/** Deletes buckets that are empty by now: a missing row means the same. */
export async function pruneEmptyBuckets(db: Pick<Db, "rateLimit">, now = Date.now()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { readyAt: { lt: BigInt(now) } } });
  return count;
}

const PRUNE_EVERY_MS = 10 * 60_000;
let lastPrunedAt = 0;

/** Each process clears the empty buckets every ten minutes, so the table holds only the active ones. */
async function pruneNowAndThen(db: Pick<Db, "rateLimit">, now: number) {
  if (Math.abs(now - lastPrunedAt) < PRUNE_EVERY_MS) return;
  lastPrunedAt = now;
  await pruneEmptyBuckets(db, now);
}

/**
 * 0 when a unit was taken; otherwise how long until one can be. The usual case is one statement:
 * an empty bucket fills from now, a partly full one further, if that stays within the window. It
 * is raw SQL because it runs on every change anyone makes, and Prisma's query compiler cost two
 * conditional updates about 4 ms of server CPU where this costs a fraction of one (decision 0014).
 */
async function take(db: Tx, bucket: Bucket, now: number): Promise<number> {
  const interval = BigInt(intervalOf(bucket.rate));
  const latest = BigInt(latestStart(bucket.rate, now));
  const nowBig = BigInt(now);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const taken = await db.$executeRaw`
      UPDATE "RateLimit"
      SET "readyAt" = CASE WHEN "readyAt" < CAST(${nowBig} AS BIGINT) THEN CAST(${nowBig + interval} AS BIGINT) ELSE "readyAt" + CAST(${interval} AS BIGINT) END
      WHERE "key" = ${bucket.key} AND "readyAt" <= CAST(${latest} AS BIGINT)`;
    if (taken === 1) return 0;
    const row = await db.rateLimit.findUnique({ where: { key: bucket.key }, select: { readyAt: true } });
    if (row && row.readyAt > latest) return Number(row.readyAt - latest);
    if (!row) {
      await db.rateLimit.create({ data: { key: bucket.key, readyAt: nowBig + interval } });
      return 0;
    }
    // Another request changed the row between these statements (PostgreSQL): look again.
  }
  throw new Error(`rate limit bucket ${bucket.key} kept changing`);
}
