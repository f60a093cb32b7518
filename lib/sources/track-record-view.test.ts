import { describe, expect, it } from "vitest";
import { labelVerdicts } from "@/lib/verification/verdicts";
import { describeSelection, describeTrack, readTrackQuery, trackHref } from "./track-record-view";

describe("readTrackQuery", () => {
  it("reads a number's link and defaults to quarters with nothing selected", () => {
    expect(readTrackQuery({})).toEqual({ period: "quarter", selection: null, isInvalid: false });
    expect(readTrackQuery({ period: "month", role: "relay", in: "2026-07", verdict: "false" })).toEqual({
      period: "month", selection: { role: "relay", period: "2026-07", verdict: "false" }, isInvalid: false,
    });
    expect(readTrackQuery({ role: "origin", in: "all" }).selection).toEqual({ role: "origin", period: "all", verdict: null });
  });

  it("selects nothing and says so for a link it cannot read", () => {
    expect(readTrackQuery({ role: "origin", in: "2026-07" })).toMatchObject({ period: "quarter", selection: null, isInvalid: true });
    expect(readTrackQuery({ role: "author", in: "all" })).toMatchObject({ selection: null, isInvalid: true });
    expect(readTrackQuery({ role: "origin", in: "all", verdict: "true" })).toMatchObject({ selection: null, isInvalid: true });
    expect(readTrackQuery({ role: ["origin", "relay"], in: "all" })).toMatchObject({ selection: null, isInvalid: true });
    expect(readTrackQuery({ period: "decade" })).toEqual({ period: "quarter", selection: null, isInvalid: true });
  });
});

describe("wording", () => {
  const labels = labelVerdicts({ misleading: { label: "Half true" } });

  it("sums a role in one line, leaving out verdicts never given", () => {
    const verdicts = { accurate: 8, misleading: 3, false: 1, unsubstantiated: 0, not_checkable: 0 };
    expect(describeTrack({ claims: 12, verdicts }, labels)).toBe("12 claims: 8 Accurate · 3 Half true · 1 False");
    expect(describeTrack({ claims: 0, verdicts: { ...verdicts, accurate: 0, misleading: 0, false: 0 } }, labels)).toBe("no judged claims");
  });

  it("links each number and names it", () => {
    expect(trackHref("/t/desk/sources/s1", "month", { role: "origin", period: "2026-07", verdict: "false" })).toBe(
      "/t/desk/sources/s1?period=month&role=origin&in=2026-07&verdict=false#track-claims",
    );
    expect(trackHref("/t/desk/sources/s1", "quarter")).toBe("/t/desk/sources/s1?period=quarter#track-record");
    expect(describeSelection({ role: "relay", period: "2026-Q3", verdict: "misleading" }, labels)).toBe("Half true, Q3 2026, as relay");
    expect(describeSelection({ role: "origin", period: "all", verdict: null }, labels)).toBe("Every verdict, all periods, as origin");
  });
});
