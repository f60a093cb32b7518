import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SourceTable } from "./source-table";

const row = (citationCount: number, claimCount: number) => ({ id: `s${citationCount}`, name: "Reuters", kind: "outlet", domains: [], reliability: null, citationCount, claimCount });

describe("SourceTable", () => {
  it("counts citations and claims in the right number: 1 citation in 1 claim, 3 citations in 2 claims", () => {
    const html = renderToStaticMarkup(createElement(SourceTable, { team: "desk", sources: [row(1, 1), row(3, 2)] }));
    expect(html).toContain("1<span class=\"sr-only\"> citation in 1 claim</span>");
    expect(html).toContain('title="1 citation in 1 claim"');
    expect(html).toContain("3<span class=\"sr-only\"> citations in 2 claims</span>");
    expect(html).not.toMatch(/\b1 claims|\b1 citations|\(s\)/);
  });
});
