import { describe, expect, it } from "vitest";
import { buildOffsetMap } from "./offset-map";

describe("buildOffsetMap", () => {
  const oldText = "Alpha beta gamma delta.";
  const gamma = oldText.indexOf("gamma");

  it("maps offsets through identical text unchanged", () => {
    const map = buildOffsetMap(oldText, oldText);
    expect([map.mapStart(gamma), map.mapEnd(gamma + 5)]).toEqual([gamma, gamma + 5]);
  });

  it("shifts offsets after an insertion and keeps boundary insertions outside the claim", () => {
    const map = buildOffsetMap(oldText, "Alpha beta NEW gamma NEW delta.");
    expect(map.mapStart(gamma)).toBe(15);
    expect(map.mapEnd(gamma + 5)).toBe(20);
    expect(map.mapStart(0)).toBe(0);
    expect(map.mapEnd(oldText.length)).toBe(31);
  });

  it("collapses a deleted range and widens claims over replaced text", () => {
    const deleted = buildOffsetMap(oldText, "Alpha beta delta.");
    expect([deleted.mapStart(gamma), deleted.mapEnd(gamma + 5)]).toEqual([11, 11]);
    const replaced = buildOffsetMap(oldText, "Alpha beta GAMMA-RAY delta.");
    expect([replaced.mapStart(gamma), replaced.mapEnd(gamma + 5)]).toEqual([11, 20]);
  });

  it("maps offsets inside a replaced region to its edges", () => {
    const map = buildOffsetMap("one two three", "one XXXXXXX three");
    expect(map.mapStart(5)).toBe(4);
    expect(map.mapEnd(6)).toBe(11);
  });

  it("stays fast on long texts", () => {
    const paragraph = "Some long paragraph text that repeats with small changes. ";
    const oldLong = Array.from({ length: 2000 }, (_, i) => `${paragraph}${i}`).join("\n\n");
    const newLong = oldLong.replace("repeats with small changes. 1000", "repeats with SMALL changes. 1000");
    const startedAt = performance.now();
    const map = buildOffsetMap(oldLong, newLong);
    expect(map.mapStart(oldLong.length - 4)).toBe(newLong.length - 4);
    expect(performance.now() - startedAt).toBeLessThan(2000);
  });
});
