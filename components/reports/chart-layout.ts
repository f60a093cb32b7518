import type { ClaimStatus } from "@/lib/claims/status";
import type { StatusPoint } from "@/lib/reports/status-series";

/** The chart's drawing box (SVG user units; the SVG scales to its container). */
export const CHART_BOX = { width: 720, height: 240, left: 40, right: 12, top: 12, bottom: 28 } as const;

/** Finished work at the base, so the growing "done" band reads as progress. */
export const STACK_ORDER: readonly ClaimStatus[] = ["done", "needs_review", "in_progress", "unchecked"];

export type BarSegment = { status: ClaimStatus; y: number; height: number; count: number };
export type ChartBar = { date: string; x: number; width: number; total: number; segments: BarSegment[] };
export type DateLabel = { date: string; text: string; x: number; anchor: "start" | "middle" | "end" };
export type ChartLayout = { top: number; ticks: { value: number; y: number }[]; bars: ChartBar[]; dateLabels: DateLabel[] };

/** The next round number (1, 2 or 5 times a power of ten) at or above `value`: the axis top. */
export function roundUp(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) as number);
}

/** At most `count` evenly spread indices, first and last always among them. */
function spreadIndices(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, index) => index);
  return [...new Set(Array.from({ length: count }, (_, step) => Math.round((step * (length - 1)) / (count - 1))))];
}

/** Stacked bars, one per day, with a y axis at 0, half and the top and up to six dates along x. */
export function layoutStatusChart(series: readonly StatusPoint[]): ChartLayout {
  const { width, height, left, right, top, bottom } = CHART_BOX;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const axisTop = roundUp(Math.max(0, ...series.map((point) => point.total)));
  const scale = (value: number) => (value / axisTop) * plotHeight;
  const slot = series.length ? plotWidth / series.length : plotWidth;
  // A gap between bars while they are wide enough to spare one.
  const gap = slot >= 6 ? slot * 0.2 : 0;
  const bars = series.map((point, index) => {
    let base = top + plotHeight;
    const segments = STACK_ORDER.filter((status) => point.counts[status] > 0).map((status) => {
      const segmentHeight = scale(point.counts[status]);
      base -= segmentHeight;
      return { status, y: base, height: segmentHeight, count: point.counts[status] };
    });
    return { date: point.date, x: left + index * slot + gap / 2, width: slot - gap, total: point.total, segments };
  });
  const ticks = [0, axisTop / 2, axisTop].filter((value) => Number.isInteger(value)).map((value) => ({ value, y: top + plotHeight - scale(value) }));
  // Month and day, unless the range crosses a new year; the outer labels sit inside the box.
  const isOneYear = series.length > 0 && series[0].date.slice(0, 4) === series[series.length - 1].date.slice(0, 4);
  const indices = spreadIndices(series.length, 6);
  const dateLabels = indices.map((index, position): DateLabel => {
    const date = series[index].date;
    const anchor = indices.length > 1 && position === 0 ? "start" : indices.length > 1 && position === indices.length - 1 ? "end" : "middle";
    const x = anchor === "start" ? left + index * slot : anchor === "end" ? left + (index + 1) * slot : left + index * slot + slot / 2;
    return { date, text: isOneYear ? date.slice(5) : date, x, anchor };
  });
  return { top: axisTop, ticks, bars, dateLabels };
}
