import { describe, expect, it } from "vitest";
import { CHART_BOX, layoutStatusChart, roundUp } from "./chart-layout";

const point = (date: string, counts: Partial<Record<"unchecked" | "in_progress" | "needs_review" | "done", number>>) => {
  const full = { unchecked: 0, in_progress: 0, needs_review: 0, done: 0, ...counts };
  return { date, counts: full, total: Object.values(full).reduce((sum, count) => sum + count, 0) };
};

describe("layoutStatusChart", () => {
  it("rounds the axis up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 3, 7, 10, 11, 260].map(roundUp)).toEqual([1, 1, 5, 10, 10, 20, 500]);
  });

  it("stacks done at the base and scales every bar to the axis", () => {
    const layout = layoutStatusChart([point("2025-03-01", { unchecked: 4 }), point("2025-03-02", { unchecked: 1, done: 3 })]);
    const baseline = CHART_BOX.height - CHART_BOX.bottom;
    const plotHeight = baseline - CHART_BOX.top;
    expect(layout.top).toBe(5);
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0, 5]);
    const [, second] = layout.bars;
    expect(second.segments.map((segment) => segment.status)).toEqual(["done", "unchecked"]);
    expect(second.segments[0].y + second.segments[0].height).toBeCloseTo(baseline);
    expect(second.segments[1].y).toBeCloseTo(baseline - (4 / 5) * plotHeight);
  });

  it("labels at most six dates, the first and the last among them", () => {
    const days = Array.from({ length: 30 }, (_, index) => point(`2025-03-${String(index + 1).padStart(2, "0")}`, {}));
    const labels = layoutStatusChart(days).dateLabels;
    expect(labels).toHaveLength(6);
    expect(labels[0]).toMatchObject({ text: "03-01", anchor: "start", x: CHART_BOX.left });
    expect(labels.at(-1)).toMatchObject({ text: "03-30", anchor: "end", x: CHART_BOX.width - CHART_BOX.right });
    const acrossYears = layoutStatusChart([point("2024-12-31", {}), point("2025-01-01", {})]).dateLabels.map((label) => label.text);
    expect(acrossYears).toEqual(["2024-12-31", "2025-01-01"]);
  });
});
