import { describe, expect, it } from "vitest";
import { buildStatusSeries } from "./status-series";
import type { SeriesEvent } from "./status-series";

const DAYS = ["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04"];
const at = (day: number, hour = 12) => new Date(Date.UTC(2025, 2, day, hour));
const event = (claimId: string, type: string, createdAt: Date, fromValue: string | null = null, toValue: string | null = null): SeriesEvent =>
  ({ claimId, type, createdAt, fromValue, toValue });

/** Counts per day as [unchecked, in progress, needs review, done]. */
const countsOf = (series: ReturnType<typeof buildStatusSeries>) =>
  series.map(({ counts }) => [counts.unchecked, counts.in_progress, counts.needs_review, counts.done]);

describe("buildStatusSeries", () => {
  it("replays status changes, using the labels the history stores", () => {
    const claim = { id: "a", createdAt: at(1), status: "done", deletedAt: null };
    const events = [
      event("a", "created", at(1)),
      event("a", "status_changed", at(2), "Unchecked", "In progress"),
      event("a", "status_changed", at(2, 15), "In progress", "Needs review"),
      event("a", "status_changed", at(4), "Needs review", "Done"),
    ];
    expect(countsOf(buildStatusSeries([claim], events, DAYS))).toEqual([[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 1, 0], [0, 0, 0, 1]]);
  });

  it("counts a claim from its creation until deleted, and again once restored", () => {
    const claim = { id: "b", createdAt: at(2), status: "unchecked", deletedAt: null };
    const events = [event("b", "created", at(2)), event("b", "deleted", at(3)), event("b", "restored", at(4))];
    expect(countsOf(buildStatusSeries([claim], events, DAYS)).map(([unchecked]) => unchecked)).toEqual([0, 1, 0, 1]);
  });

  it("starts a claim split off another in that claim's status, and drops claims merged away", () => {
    const split = { id: "c", createdAt: at(1), status: "done", deletedAt: null };
    const merged = { id: "d", createdAt: at(1), status: "in_progress", deletedAt: at(2) };
    const events = [
      event("c", "created", at(1)), event("c", "status_changed", at(3), "In progress", "Done"),
      event("d", "created", at(1)), event("d", "merged", at(2), "Its statement", null),
    ];
    expect(countsOf(buildStatusSeries([split, merged], events, DAYS))).toEqual([[0, 2, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 0, 1]]);
  });

  it("counts what existed before the range from its first day, and nothing deleted before it", () => {
    const old = { id: "e", createdAt: new Date(Date.UTC(2024, 0, 1)), status: "in_progress", deletedAt: null };
    const gone = { id: "f", createdAt: new Date(Date.UTC(2024, 0, 1)), status: "unchecked", deletedAt: new Date(Date.UTC(2024, 5, 1)) };
    const later = { id: "g", createdAt: at(9), status: "unchecked", deletedAt: null };
    const series = buildStatusSeries([old, gone, later], [], DAYS);
    expect(series.map((point) => point.total)).toEqual([1, 1, 1, 1]);
    expect(series[0]).toMatchObject({ date: "2025-03-01", counts: { in_progress: 1 } });
  });

  it("ignores a claim created and deleted the same day, and unknown labels", () => {
    const brief = { id: "h", createdAt: at(2, 9), status: "unchecked", deletedAt: at(2, 10) };
    const odd = { id: "i", createdAt: at(1), status: "unchecked", deletedAt: null };
    const events = [event("i", "status_changed", at(2), "Unchecked", "Parked")];
    expect(countsOf(buildStatusSeries([brief, odd], events, DAYS))).toEqual([[1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]]);
  });

  it("stays linear: a year of days over thousands of claims", () => {
    const days = Array.from({ length: 366 }, (_, index) => new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10));
    const makeData = (count: number) => {
      const claims = Array.from({ length: count }, (_, index) => ({ id: `c${index}`, createdAt: new Date(Date.UTC(2024, 0, 1 + (index % 300))), status: "done", deletedAt: null }));
      const events = claims.map((claim) => event(claim.id, "status_changed", new Date(claim.createdAt.getTime() + 86_400_000 * 10), "Unchecked", "Done"));
      return { claims, events };
    };
    // 20,000 claims over a year take about 80 ms here; the bound leaves room for a busy CI
    // machine and still fails a method that walks every claim for every day of every event.
    const large = makeData(20_000);
    const started = performance.now();
    const series = buildStatusSeries(large.claims, large.events, days);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(series.at(-1)?.counts.done).toBe(20_000);
  });
});
