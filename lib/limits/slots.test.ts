import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "@/tests/test-db";
import { NoFreeSlot, releaseSlot, renewSlot, tryTakeSlot, withSlot } from "./slots";

const { db, url: databaseUrl } = openTestDatabase();
const start = Date.UTC(2030, 0, 1);
let counter = 0;
const freshCap = (size = 2, leaseMs = 30_000) => ({ name: `test-${++counter}`, size, leaseMs, waitMs: 5_000, pollMs: 10 });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The most intervals that overlap at any moment. */
function peakOverlap(intervals: Array<{ from: number; to: number }>): number {
  const edges = intervals.flatMap(({ from, to }) => [[from, 1], [to, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, step] of edges) peak = Math.max(peak, (open += step));
  return peak;
}

describe("tryTakeSlot, renewSlot, releaseSlot", () => {
  it("gives out `size` slots and no more until one is released", async () => {
    const cap = freshCap(2);
    const first = await tryTakeSlot(db, cap, "a", start);
    const second = await tryTakeSlot(db, cap, "b", start);
    expect([first?.key, second?.key].sort()).toEqual([`${cap.name}:0`, `${cap.name}:1`]);
    expect(await tryTakeSlot(db, cap, "c", start + 1_000)).toBeNull();
    await releaseSlot(db, first!);
    expect(await tryTakeSlot(db, cap, "c", start + 1_000)).toEqual({ key: first!.key, holder: "c" });
  });

  it("frees a slot whose lease ran out (its process died), unless it was renewed", async () => {
    const cap = freshCap(1, 30_000);
    const dead = await tryTakeSlot(db, cap, "dead", start);
    expect(await tryTakeSlot(db, cap, "next", start + 29_999)).toBeNull();
    expect(await tryTakeSlot(db, cap, "next", start + 30_000)).toEqual({ key: dead!.key, holder: "next" });
    // The old holder can neither renew nor release what is now another's.
    expect(await renewSlot(db, dead!, cap.leaseMs, start + 30_001)).toBe(false);
    await releaseSlot(db, dead!);
    expect(await tryTakeSlot(db, cap, "third", start + 30_002)).toBeNull();

    const alive = await tryTakeSlot(db, freshCap(1, 30_000), "alive", start);
    const aliveCap = { name: alive!.key.split(":")[0], size: 1, leaseMs: 30_000 };
    expect(await renewSlot(db, alive!, 30_000, start + 20_000)).toBe(true);
    expect(await tryTakeSlot(db, aliveCap, "other", start + 40_000)).toBeNull();
    expect(await tryTakeSlot(db, aliveCap, "other", start + 50_000)).toMatchObject({ holder: "other" });
  });

  it("lets exactly `size` of forty concurrent takers have a slot", async () => {
    const cap = freshCap(3);
    const taken = await Promise.all(Array.from({ length: 40 }, (_, index) => tryTakeSlot(db, cap, `taker-${index}`)));
    const keys = taken.filter((slot) => slot !== null).map((slot) => slot.key);
    expect(keys.sort()).toEqual([`${cap.name}:0`, `${cap.name}:1`, `${cap.name}:2`]);
  });
});

describe("withSlot", () => {
  it("runs every task, never more than `size` at once, and frees the slot of a task that failed", async () => {
    const cap = freshCap(2);
    const intervals: Array<{ from: number; to: number }> = [];
    const tasks = Array.from({ length: 7 }, (_, index) =>
      withSlot(db, cap, async () => {
        const from = performance.now();
        await pause(30);
        intervals.push({ from, to: performance.now() });
        if (index === 3) throw new Error("this report failed");
        return index;
      }).catch((error: Error) => error.message),
    );
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, "this report failed", 4, 5, 6]);
    expect(peakOverlap(intervals)).toBe(2);
    expect(await db.slotLease.count({ where: { key: { startsWith: `${cap.name}:` }, expiresAt: { gt: new Date() } } })).toBe(0);
  });

  it("keeps renewing the lease of a task that outlasts it, so nobody else takes the slot", async () => {
    const cap = { ...freshCap(1, 300), waitMs: 0 };
    let refusedMeanwhile = 0;
    await withSlot(db, cap, async () => {
      for (let look = 0; look < 5; look += 1) {
        await pause(200);
        await withSlot(db, cap, async () => undefined).catch((error) => {
          if (error instanceof NoFreeSlot) refusedMeanwhile += 1;
        });
      }
    });
    expect(refusedMeanwhile).toBe(5);
    await expect(withSlot(db, cap, async () => "free again")).resolves.toBe("free again");
  });

  it("gives up with NoFreeSlot after waitMs, without running the task", async () => {
    const cap = { ...freshCap(1), waitMs: 150 };
    const held = await tryTakeSlot(db, cap, "busy");
    let ran = false;
    const started = performance.now();
    await expect(withSlot(db, cap, async () => (ran = true))).rejects.toBeInstanceOf(NoFreeSlot);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(ran).toBe(false);
    await releaseSlot(db, held!);
  });

  it("holds across processes: three processes running four tasks each at one moment never hold more than two slots", async () => {
    const name = `processes-${Date.now()}`;
    const startAt = Date.now() + 3_000;
    const runs = Array.from({ length: 3 }, () =>
      run(process.execPath, ["--import", "tsx", "tests/limits/slots-at-once.ts", databaseUrl, name, "2", "4", "150", String(startAt)]),
    );
    const held = (await Promise.all(runs)).flatMap((output) => (JSON.parse(output) as { held: Array<{ from: number; to: number }> }).held);
    expect(held).toHaveLength(12);
    expect(peakOverlap(held)).toBe(2);
  }, 60_000);
});

async function run(command: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(command, args, { timeout: 50_000 });
  return stdout.trim().split("\n").at(-1)!;
}
