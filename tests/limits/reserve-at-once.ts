/**
 * A second process for lib/limits/rate-limiter.test.ts: at the agreed moment, sends `count`
 * reservations for one bucket at once through its own connection to the database, and prints
 * how many were allowed.
 *
 *   tsx tests/limits/reserve-at-once.ts <database url> <bucket key> <count> <start at, ms since epoch>
 */
import { createPrismaClient } from "../../lib/config/prisma-client";
import { reserve } from "../../lib/limits/rate-limiter";

const [databaseUrl, key, count, startAt] = process.argv.slice(2);
const db = createPrismaClient(databaseUrl);
await db.rateLimit.count(); // connect before the agreed moment
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const bucket = { key, rate: { count: 5, windowMs: 15 * 60_000 } };
const results = await Promise.all(Array.from({ length: Number(count) }, () => reserve(db, [bucket])));
console.log(JSON.stringify({ allowed: results.filter((result) => result.isAllowed).length }));
await db.$disconnect();
