import { describe, expect, it } from "vitest";
import { createLimiter } from "./limiter";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createLimiter", () => {
  it("never runs more than the limit at once, and runs every task in order", async () => {
    const run = createLimiter(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all([0, 1, 2, 3, 4].map((n) => run(async () => {
      started.push(n);
      active += 1;
      peak = Math.max(peak, active);
      await pause(5);
      active -= 1;
      return n * 10;
    })));
    expect(results).toEqual([0, 10, 20, 30, 40]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it("frees the slot when a task fails", async () => {
    const run = createLimiter(1);
    await expect(run(async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    await expect(run(async () => "next")).resolves.toBe("next");
  });
});
