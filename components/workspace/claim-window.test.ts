import { describe, expect, it } from "vitest";
import { ESTIMATED_ROW_HEIGHT, ROW_GAP, findRowRange, layOutRows, planWindow } from "./claim-window";

const ids = Array.from({ length: 1000 }, (_, index) => `c${index}`);

describe("the windowed claims list", () => {
  it("lays rows out by their measured heights, and the others by the average measured one", () => {
    const layout = layOutRows(["a", "b", "c"], new Map([["a", 100], ["b", 140]]));
    expect(layout.tops).toEqual([0, 100 + ROW_GAP, 240 + 2 * ROW_GAP]);
    expect(layout.heights).toEqual([100, 140, 120]);
    expect(layout.total).toBe(360 + 2 * ROW_GAP);
    expect(layOutRows(["a"], new Map()).heights).toEqual([ESTIMATED_ROW_HEIGHT]);
  });

  it("finds the rows that meet the visible part and its overscan", () => {
    const layout = layOutRows(ids, new Map());
    const stride = ESTIMATED_ROW_HEIGHT + ROW_GAP;
    expect(findRowRange(layout, 0, 600, 0)).toEqual({ start: 0, end: Math.ceil(600 / stride) });
    expect(findRowRange(layout, stride * 500, stride * 500 + 600, 0)).toEqual({ start: 500, end: 500 + Math.ceil(600 / stride) });
    // Past the end: no row starts after the last.
    expect(findRowRange(layout, layout.total - 100, layout.total + 500, 0)).toEqual({ start: 999, end: 1000 });
    // The overscan adds rows both ways.
    const wide = findRowRange(layout, stride * 500, stride * 500 + 600, 900);
    expect(wide.start).toBeLessThan(500);
    expect(wide.end).toBeGreaterThan(505);
  });

  it("keeps the scroll height: padding and margins stand in for every row left out, pinned ones included", () => {
    const layout = layOutRows(ids, new Map([["c3", 300]]));
    const plan = planWindow(layout, { start: 10, end: 15 }, [998, 2]);
    expect(plan.slots.map((slot) => slot.index)).toEqual([2, 10, 11, 12, 13, 14, 998]);
    // What is rendered, the gaps between rendered rows, and what stands in for the rest add up to the list's height.
    const rendered = plan.slots.reduce((sum, slot) => sum + layout.heights[slot.index]! + slot.marginTop, 0);
    const gaps = (plan.slots.length - 1) * ROW_GAP;
    expect(plan.paddingTop + rendered + gaps + plan.paddingBottom).toBeCloseTo(layout.total, 6);
    // Each rendered row sits where the layout puts it.
    let top = plan.paddingTop;
    plan.slots.forEach((slot, position) => {
      if (position > 0) top += ROW_GAP + slot.marginTop;
      expect(top).toBeCloseTo(layout.tops[slot.index]!, 6);
      top += layout.heights[slot.index]!;
    });
    expect(planWindow(layout, { start: 0, end: 0 }, [-1, 5000]).slots).toEqual([]);
  });
});
