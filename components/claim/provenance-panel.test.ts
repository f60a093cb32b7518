import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { traceClaim } from "@/lib/sources/chain";
import { cite } from "@/lib/sources/test-helpers";
import type { Source } from "@/lib/sources/types";
import { ProvenancePanel } from "./provenance-panel";

const bbc: Source = { id: "bbc", name: "BBC News", kind: "outlet", domains: ["bbc.co.uk"] };
const times: Source = { id: "times", name: "The Times", kind: "outlet", domains: ["thetimes.co.uk"] };
const obama: Source = { id: "obama", name: "Barack Obama", kind: "person", domains: [] };
const sources = [bbc, times, obama];

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const renderPanel = (citations: Parameters<typeof traceClaim>[0]) =>
  text(renderToStaticMarkup(createElement(ProvenancePanel, { trace: traceClaim(citations, sources) })));

describe("ProvenancePanel: one vocabulary", () => {
  it("with only the outlet cited, says no origin is reached and nowhere calls BBC News an origin", () => {
    const panel = renderPanel([cite("c-bbc", "bbc")]);
    expect(panel).toContain("No origin reached yet (traced as far as BBC News)");
    expect(panel).toContain("No origin reached yet ");
    expect(panel).not.toMatch(/1 (independent )?origin/);
    expect(panel).not.toContain("single origin");
  });

  it("does not flag a first-hand statement amber as a single origin", () => {
    const html = renderToStaticMarkup(createElement(ProvenancePanel, { trace: traceClaim([cite("c-o", "obama", { isOrigin: true })], sources) }));
    expect(text(html)).toContain("1 origin: Barack Obama");
    expect(html).not.toContain("bg-amber-50");
    expect(text(html)).not.toContain("repeated");
  });

  it("flags one origin repeated by two outlets", () => {
    const html = renderToStaticMarkup(
      createElement(ProvenancePanel, {
        trace: traceClaim([cite("c-b", "bbc", { viaCitationId: "c-o" }), cite("c-t", "times", { viaCitationId: "c-o" }), cite("c-o", "obama", { isOrigin: true })], sources),
      }),
    );
    expect(text(html)).toContain("1 origin, repeated by 2 sources");
    expect(text(html)).toContain("One source repeated: 2 outlets (BBC News, The Times) all lead back to one origin, Barack Obama");
  });
});
