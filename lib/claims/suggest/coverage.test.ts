import { describe, expect, it } from "vitest";
import { isCovered } from "./coverage";

describe("isCovered", () => {
  const passage = { start: 100, end: 200 };

  it("counts a claim over half the passage or more, wherever it starts", () => {
    expect(isCovered(passage, [{ start: 100, end: 200 }])).toBe(true);
    expect(isCovered(passage, [{ start: 150, end: 400 }])).toBe(true);
    expect(isCovered(passage, [{ start: 0, end: 150 }])).toBe(true);
    expect(isCovered(passage, [{ start: 120, end: 170 }])).toBe(true);
  });

  it("does not count a claim over less than half, next to it, or none", () => {
    expect(isCovered(passage, [{ start: 0, end: 149 }])).toBe(false);
    expect(isCovered(passage, [{ start: 200, end: 300 }, { start: 0, end: 100 }])).toBe(false);
    expect(isCovered(passage, [])).toBe(false);
  });
});
