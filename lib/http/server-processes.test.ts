import { describe, expect, it } from "vitest";
import { createRestartBudget } from "./server-processes";

describe("createRestartBudget", () => {
  it("replaces a process that dies now and then, but not one that keeps dying", () => {
    const budget = createRestartBudget({ restarts: 2, windowMs: 60_000 });
    expect(budget.allows(0)).toBe(true);
    expect(budget.allows(10_000)).toBe(true);
    expect(budget.allows(20_000)).toBe(false);
  });

  it("forgets deaths older than the window", () => {
    const budget = createRestartBudget({ restarts: 2, windowMs: 60_000 });
    expect([0, 30_000, 60_000, 90_000, 120_000].map((now) => budget.allows(now))).toEqual([true, true, true, true, true]);
    expect(budget.allows(120_001)).toBe(false);
  });
});
