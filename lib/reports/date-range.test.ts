import { describe, expect, it } from "vitest";
import { defaultReportRange, listRangeDays, readReportRange } from "./date-range";

const TODAY = new Date("2025-03-31T15:00:00Z");

describe("readReportRange", () => {
  it("defaults to the last 30 days, today included", () => {
    const result = readReportRange({}, TODAY);
    expect(result).toMatchObject({ ok: true, range: { from: "2025-03-02", to: "2025-03-31", dayCount: 30 } });
    expect(defaultReportRange(TODAY).end.toISOString()).toBe("2025-04-01T00:00:00.000Z");
  });

  it("takes both days inclusively, as UTC days", () => {
    const result = readReportRange({ from: "2024-02-28", to: "2024-03-01" });
    if (!result.ok) throw new Error(result.problems.join());
    expect(result.range.start.toISOString()).toBe("2024-02-28T00:00:00.000Z");
    expect(result.range.end.toISOString()).toBe("2024-03-02T00:00:00.000Z");
    expect(listRangeDays(result.range)).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
  });

  it("explains what is wrong with a range", () => {
    expect(readReportRange({ from: "31/03/2025", to: "2025-03-31" })).toEqual({ ok: false, problems: ["The start date must look like 2025-03-31 (year-month-day)."] });
    expect(readReportRange({ from: "2025-02-30", to: "2025-03-31" })).toEqual({ ok: false, problems: ["The start date is not a day on the calendar."] });
    expect(readReportRange({ from: "2025-04-01", to: "2025-03-31" })).toEqual({ ok: false, problems: ["The start date must not be after the end date."] });
    expect(readReportRange({ from: "2025-03-01" })).toEqual({ ok: false, problems: ["Give the end date."] });
  });

  it("allows a leap year of 366 days and no more", () => {
    expect(readReportRange({ from: "2024-01-01", to: "2024-12-31" })).toMatchObject({ ok: true, range: { dayCount: 366 } });
    expect(readReportRange({ from: "2024-01-01", to: "2025-01-01" })).toEqual({ ok: false, problems: ["A report covers at most 366 days; shorten the range."] });
  });
});
