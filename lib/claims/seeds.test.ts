import { describe, expect, it } from "vitest";
import { createAnchor } from "./anchor";
import { clamp, collectSeeds } from "./seeds";

const base = "Opening words of the story. The central quoted passage sits right here in the middle. Closing words follow.";
const quote = "The central quoted passage sits right here in the middle.";
const anchor = createAnchor(base, base.indexOf(quote), base.indexOf(quote) + quote.length);

describe("collectSeeds", () => {
  it("starts with the expected place and finds the moved quote far away", () => {
    const moved = `${"Filler sentence number one. ".repeat(200)}${base}`;
    const seeds = collectSeeds(moved, anchor, anchor.position.start);
    expect(seeds[0]).toBe(anchor.position.start);
    expect(seeds).toContain(moved.indexOf(quote));
  });

  it("finds a quote whose start was edited through its end and context", () => {
    const edited = base.replace("The central quoted", "A different");
    const seeds = collectSeeds(edited, anchor, 0);
    expect(seeds.some((seed) => Math.abs(seed - edited.indexOf("A different")) <= 20)).toBe(true);
  });

  it("returns at most 8 well-spaced seeds", () => {
    const repetitive = "The central quoted passage sits right here in the middle. ".repeat(50);
    const seeds = collectSeeds(repetitive, anchor, 0);
    expect(seeds.length).toBeLessThanOrEqual(8);
    const sorted = [...seeds].sort((a, b) => a - b);
    sorted.slice(1).forEach((seed, i) => expect(seed - (sorted[i] as number)).toBeGreaterThan(8));
  });
});

describe("clamp", () => {
  it("bounds a value", () => {
    expect([clamp(-3, 0, 10), clamp(5, 0, 10), clamp(12, 0, 10)]).toEqual([0, 5, 10]);
  });
});
