import { describe, expect, it } from "vitest";
import { traceClaim } from "./chain";
import { allFixtureSources, cite } from "./test-helpers";
import { findCell, isPeriodKey, labelPeriod, periodOf, placeSources, recordTracks, summarizeTrack, tabulateTrack } from "./track-record";
import type { JudgedClaim } from "./track-record";
import type { Citation } from "./types";

const places = (citations: Citation[]) => Object.fromEntries(placeSources(traceClaim(citations, allFixtureSources)));

describe("placeSources: as what a claim rests on each source", () => {
  it("calls the marked end of a chain its origin and every source before it a relay", () => {
    expect(places([
      cite("c-insider", "insider", { viaCitationId: "c-beast" }),
      cite("c-beast", "beast", { viaCitationId: "c-bill" }),
      cite("c-bill", "bill", { isOrigin: true }),
    ])).toEqual({
      insider: { role: "relay", isStop: false },
      beast: { role: "relay", isStop: false },
      bill: { role: "origin", isStop: false },
    });
  });

  it("never calls an unmarked end an origin: it is a relay the trace stops at (decision 0018)", () => {
    expect(places([cite("i", "insider", { viaCitationId: "bo" }), cite("bo", "barents")])).toEqual({
      insider: { role: "relay", isStop: false },
      barents: { role: "relay", isStop: true },
    });
  });

  it("leaves out what contradicts the claim or only gives context: the claim does not rest on it", () => {
    expect(places([
      cite("g", "guardian", { isOrigin: true }),
      cite("p", "peskov", { relation: "contradicts", isOrigin: true }),
      cite("t", "times", { relation: "context" }),
    ])).toEqual({ guardian: { role: "origin", isStop: false } });
  });

  it("counts a source once per claim, as the origin where one chain reaches it marked", () => {
    expect(places([
      cite("b", "beast", { viaCitationId: "k" }),
      cite("k", "kartapolov", { isOrigin: true }),
      cite("k2", "kartapolov", { viaCitationId: "s" }),
      cite("s", "sokov", { isOrigin: true }),
    ])).toEqual({
      beast: { role: "relay", isStop: false },
      kartapolov: { role: "origin", isStop: false },
      sokov: { role: "origin", isStop: false },
    });
  });

  it("does not call a marked source in the middle of a chain an origin (origin_mid_chain)", () => {
    expect(places([cite("i", "insider", { viaCitationId: "b", isOrigin: true }), cite("b", "beast", { isOrigin: true })])).toEqual({
      insider: { role: "relay", isStop: false },
      beast: { role: "origin", isStop: false },
    });
  });
});

const judged = (id: string, verdict: JudgedClaim["verdict"], verdictAt: string | null, citations: Citation[]): JudgedClaim => ({
  id, verdict, verdictAt: verdictAt ? new Date(verdictAt) : null, citations: citations.map((citation) => ({ ...citation, claimId: id })),
});

describe("recordTracks and its tables", () => {
  const claims = [
    judged("a", "accurate", "2026-07-01T00:00:00Z", [cite("a1", "insider", { viaCitationId: "a2" }), cite("a2", "bill", { isOrigin: true })]),
    judged("b", "false", "2026-09-30T23:59:59Z", [cite("b1", "insider", { viaCitationId: "b2" }), cite("b2", "bill", { isOrigin: true })]),
    judged("c", "misleading", "2026-10-01T00:00:00Z", [cite("c1", "bill", { isOrigin: true })]),
    judged("d", "false", null, [cite("d1", "insider")]),
    judged("e", "accurate", "2026-05-01T00:00:00Z", [cite("e1", "bill", { relation: "contradicts", isOrigin: true })]),
    judged("f", "accurate", "2026-05-01T00:00:00Z", []),
  ];
  const tracks = recordTracks(claims);

  it("lists each source's claims with their verdict and place, and nothing for a claim it does not support", () => {
    expect(tracks.get("bill")?.map((entry) => [entry.claimId, entry.role, entry.verdict])).toEqual([
      ["a", "origin", "accurate"],
      ["b", "origin", "false"],
      ["c", "origin", "misleading"],
    ]);
    expect(tracks.get("insider")?.map((entry) => [entry.claimId, entry.role, entry.isStop])).toEqual([
      ["a", "relay", false],
      ["b", "relay", false],
      ["d", "relay", true],
    ]);
    expect([...tracks.keys()].sort()).toEqual(["bill", "insider"]);
  });

  it("sums verdicts per place for the registry", () => {
    expect(summarizeTrack(tracks.get("bill") ?? [])).toEqual({
      origin: { claims: 3, verdicts: { accurate: 1, misleading: 1, false: 1, unsubstantiated: 0, not_checkable: 0 } },
      relay: { claims: 0, verdicts: { accurate: 0, misleading: 0, false: 0, unsubstantiated: 0, not_checkable: 0 } },
    });
  });

  it("tabulates by quarter in UTC, newest first, undated last, each number holding its claims", () => {
    const [origin, relay] = tabulateTrack(tracks.get("bill") ?? [], "quarter");
    expect(origin.rows.map((row) => [row.period, row.label, row.claimIds])).toEqual([
      ["2026-Q4", "Q4 2026", ["c"]],
      ["2026-Q3", "Q3 2026", ["a", "b"]],
    ]);
    expect(origin.rows[1].cells).toMatchObject({ accurate: ["a"], false: ["b"], misleading: [] });
    expect(origin.total.cells).toMatchObject({ accurate: ["a"], false: ["b"], misleading: ["c"] });
    expect(relay).toMatchObject({ role: "relay", rows: [], total: { claimIds: [] } });
    const [, insider] = tabulateTrack(tracks.get("insider") ?? [], "month");
    expect(insider.rows.map((row) => [row.label, row.claimIds])).toEqual([
      ["September 2026", ["b"]],
      ["July 2026", ["a"]],
      ["Date not recorded", ["d"]],
    ]);
  });

  it("finds the claims behind one number, and none for a period that has none", () => {
    const tables = tabulateTrack(tracks.get("insider") ?? [], "quarter");
    expect(findCell(tables, "relay", "2026-Q3", "false")).toEqual(["b"]);
    expect(findCell(tables, "relay", "2026-Q3", null)).toEqual(["a", "b"]);
    expect(findCell(tables, "relay", "all", "false")).toEqual(["b", "d"]);
    expect(findCell(tables, "relay", "undated", null)).toEqual(["d"]);
    expect(findCell(tables, "origin", "2026-Q3", null)).toEqual([]);
    expect(findCell(tables, "relay", "2019-Q1", null)).toEqual([]);
  });
});

describe("periods", () => {
  it("names quarters and months in UTC and checks keys read from a link", () => {
    expect(periodOf(new Date("2026-12-31T23:30:00-05:00"), "quarter")).toBe("2027-Q1");
    expect(periodOf(new Date("2026-03-31T23:59:59Z"), "month")).toBe("2026-03");
    expect(labelPeriod("2026-Q1")).toBe("Q1 2026");
    expect(labelPeriod("2026-12")).toBe("December 2026");
    expect(isPeriodKey("2026-Q4", "quarter")).toBe(true);
    expect(isPeriodKey("2026-Q5", "quarter")).toBe(false);
    expect(isPeriodKey("2026-13", "month")).toBe(false);
    expect(isPeriodKey("2026-Q4", "month")).toBe(false);
    expect(isPeriodKey(["2026-Q4"], "quarter")).toBe(false);
    expect(isPeriodKey("undated", "month")).toBe(true);
  });
});
