import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { summarizeTrack } from "@/lib/sources/track-record";
import { labelVerdicts } from "@/lib/verification/verdicts";
import { SourceTable } from "./source-table";

const row = (citationCount: number, claimCount: number) => ({ id: `s${citationCount}`, name: "Reuters", kind: "outlet", domains: [], reliability: null, citationCount, claimCount });

describe("SourceTable", () => {
  it("counts citations and claims in the right number: 1 citation in 1 claim, 3 citations in 2 claims", () => {
    const html = renderToStaticMarkup(createElement(SourceTable, { team: "desk", sources: [row(1, 1), row(3, 2)], tracks: { summaries: new Map(), labels: labelVerdicts() } }));
    expect(html).toContain("1<span class=\"sr-only\"> citation in 1 claim</span>");
    expect(html).toContain('title="1 citation in 1 claim"');
    expect(html).toContain("3<span class=\"sr-only\"> citations in 2 claims</span>");
    expect(html).not.toMatch(/\b1 claims|\b1 citations|\(s\)/);
  });

  it("sums the track record per role, in the team's words, linking to the claims on the source's page", () => {
    const at = new Date("2026-07-01T00:00:00Z");
    const entries = [
      ...["a", "b", "c"].map((claimId) => ({ claimId, verdict: "accurate" as const, verdictAt: at, role: "origin" as const, isStop: false })),
      { claimId: "d", verdict: "false" as const, verdictAt: at, role: "origin" as const, isStop: false },
      { claimId: "e", verdict: "misleading" as const, verdictAt: null, role: "relay" as const, isStop: true },
    ];
    const summaries = new Map([["s1", summarizeTrack(entries)]]);
    const html = renderToStaticMarkup(createElement(SourceTable, { team: "desk", sources: [row(1, 1), row(3, 2)], tracks: { summaries, labels: labelVerdicts({ accurate: { label: "True" } }) } }));
    expect(html).toContain('href="/t/desk/sources/s1#track-record"');
    expect(html).toContain("Origin:</span> 4 claims: 3 True · 1 False");
    expect(html).toContain("Relay:</span> 1 claim: 1 Misleading");
    expect(html).toContain("no judged claims");
  });
});
