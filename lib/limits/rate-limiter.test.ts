import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/tests/test-db";
import { bucketsFor, clear, pruneEmptyBuckets, refund, reserve } from "./rate-limiter";

const { db, url: databaseUrl } = openTestDatabase();
const FIVE_PER_15_MIN = { count: 5, windowMs: 15 * 60_000 };
const start = Date.UTC(2030, 0, 1);
let counter = 0;
const fresh = (rates = [FIVE_PER_15_MIN]) => bucketsFor("test", rates, `subject-${++counter}`);

describe("reserve", () => {
  it("lets `count` requests through at once, then one per window/count, and says how long to wait", async () => {
    const buckets = fresh();
    for (let index = 0; index < 5; index++) expect(await reserve(db, buckets, start)).toMatchObject({ isAllowed: true });
    expect(await reserve(db, buckets, start)).toMatchObject({ isAllowed: false, retryAfterMs: 3 * 60_000 });
    expect(await reserve(db, buckets, start + 60_000)).toMatchObject({ isAllowed: false, retryAfterMs: 2 * 60_000 });
    // A refused request takes nothing: the wait does not grow however often it is tried.
    expect(await reserve(db, buckets, start + 60_000)).toMatchObject({ isAllowed: false, retryAfterMs: 2 * 60_000 });
    expect(await reserve(db, buckets, start + 3 * 60_000)).toMatchObject({ isAllowed: true });
    expect(await reserve(db, buckets, start + 3 * 60_000)).toMatchObject({ isAllowed: false, retryAfterMs: 3 * 60_000 });
    // After a whole window of quiet the full burst is back.
    for (let index = 0; index < 5; index++) expect(await reserve(db, buckets, start + 21 * 60_000)).toMatchObject({ isAllowed: true });
    expect(await reserve(db, buckets, start + 21 * 60_000)).toMatchObject({ isAllowed: false });
  });

  it("keeps subjects and throttles apart", async () => {
    const [one, two] = [fresh(), fresh()];
    for (let index = 0; index < 5; index++) await reserve(db, one, start);
    expect(await reserve(db, one, start)).toMatchObject({ isAllowed: false });
    expect(await reserve(db, two, start)).toMatchObject({ isAllowed: true });
    expect(await reserve(db, bucketsFor("other", [FIVE_PER_15_MIN], one[0].key.split(":").at(-1)!), start)).toMatchObject({ isAllowed: true });
  });

  it("needs every rate to allow, takes from none when one refuses, and names the one that holds longest", async () => {
    const buckets = fresh([{ count: 2, windowMs: 60_000 }, { count: 3, windowMs: 3_600_000 }]);
    expect(await reserve(db, buckets, start)).toMatchObject({ isAllowed: true });
    expect(await reserve(db, buckets, start)).toMatchObject({ isAllowed: true });
    const third = await reserve(db, buckets, start);
    expect(third).toMatchObject({ isAllowed: false, retryAfterMs: 30_000, refusedBy: buckets[0] });
    // 30 s later the minute allows one more, which is the hour's third and last.
    expect(await reserve(db, buckets, start + 30_000)).toMatchObject({ isAllowed: true });
    const refused = await reserve(db, buckets, start + 60_000);
    expect(refused).toMatchObject({ isAllowed: false, refusedBy: buckets[1] });
    // Refused by the hour, the minute's unit was given back: it still allows one at once.
    const [minute] = buckets;
    expect(await reserve(db, [minute], start + 60_000)).toMatchObject({ isAllowed: true });
  });

  it("lets exactly `count` of forty concurrent requests through", async () => {
    const buckets = fresh();
    const results = await Promise.all(Array.from({ length: 40 }, () => reserve(db, buckets)));
    expect(results.filter((result) => result.isAllowed)).toHaveLength(5);
  });

  it("holds across processes: three processes sending forty requests each at one moment share five", async () => {
    const [bucket] = fresh();
    const startAt = Date.now() + 3_000;
    const runs = Array.from({ length: 3 }, () =>
      run(process.execPath, ["--import", "tsx", "tests/limits/reserve-at-once.ts", databaseUrl, bucket.key, "40", String(startAt)]),
    );
    const allowed = (await Promise.all(runs)).map((output) => (JSON.parse(output) as { allowed: number }).allowed);
    expect(allowed.reduce((sum, count) => sum + count, 0)).toBe(5);
  }, 60_000);
});

describe("refund, clear and prune", () => {
  it("refund gives one unit back to each bucket; clear empties them", async () => {
    const buckets = fresh();
    for (let index = 0; index < 5; index++) await reserve(db, buckets, start);
    await refund(db, buckets);
    expect(await reserve(db, buckets, start)).toMatchObject({ isAllowed: true });
    expect(await reserve(db, buckets, start)).toMatchObject({ isAllowed: false });
    await clear(db, buckets);
    for (let index = 0; index < 5; index++) expect(await reserve(db, buckets, start)).toMatchObject({ isAllowed: true });
  });

  it("prune deletes only buckets that are empty by now", async () => {
    const [active, drained] = [fresh(), fresh()];
    await reserve(db, drained, start - 60 * 60_000);
    await reserve(db, active, start);
    await pruneEmptyBuckets(db, start);
    const keys = (await db.rateLimit.findMany({ where: { key: { in: [active[0].key, drained[0].key] } }, select: { key: true } })).map((row) => row.key);
    expect(keys).toEqual([active[0].key]);
  });
});

async function run(command: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(command, args, { timeout: 50_000 });
  return stdout.trim().split("\n").at(-1)!;
}

