import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { traceClaim } from "@/lib/sources/chain";
import type { Citation, Source } from "@/lib/sources/types";
import { DEFAULT_TEAM_RULES } from "@/lib/verification/rules";
import { ClaimPage } from "./claim-page";
import type { ClaimActions, ClaimView } from "./types";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));

const sources: Source[] = [
  { id: "s-beast", name: "The Daily Beast", kind: "outlet", domains: ["thedailybeast.com"] },
  { id: "s-bill", name: "Duma bill", kind: "document", domains: [] },
];
const chain: Citation[] = [
  { id: "c-beast", claimId: "claim-1", sourceId: "s-beast", relation: "states", viaCitationId: "c-bill", isOrigin: false, url: "https://www.thedailybeast.com/a", passage: "The bill says so" },
  { id: "c-bill", claimId: "claim-1", sourceId: "s-bill", relation: "corroborates", viaCitationId: null, isOrigin: true, url: null, passage: null },
];
const at = new Date(Date.UTC(2026, 10, 25, 10, 2));

function buildView(overrides: Partial<ClaimView["claim"]> = {}): ClaimView {
  const person = { id: "u-ana", name: "Ana Reyes" };
  const citations = chain.map((citation) => ({
    ...citation,
    url: citation.url ?? null,
    passage: citation.passage ?? null,
    viaCitationId: citation.viaCitationId ?? null,
    accessedAt: at,
    archiveUrl: null,
    note: null,
    captureState: citation.id === "c-beast" ? "found" : null,
    capturedAt: citation.id === "c-beast" ? at : null,
    revision: 1,
    source: sources.find((source) => source.id === citation.sourceId)!,
    createdBy: { name: "Ana Reyes" },
    captures: [],
    latestCapture: citation.id === "c-beast" ? { id: "cap-1", sha256: "abc", fetchedAt: at, error: null } : null,
  }));
  return {
    claim: {
      id: "claim-1", articleId: "a-1", position: 3, quote: "The Duma passed the bill.", prefix: "", suffix: "", statement: "The Duma passed the bill in May.",
      status: "in_progress", verdict: "accurate", rationale: "The bill's text is on the Duma's site.", verdictAt: at, signedOffAt: null,
      anchorState: "exact", revision: 4, deletedAt: null, verdictBy: person, signedOffBy: null, assignee: null,
      article: { id: "a-1", title: "Moscow moves", outlet: "Insider", url: "https://insider.example/x" },
      team: { verdictLabels: "{}", verificationRules: "{}" },
      ...overrides,
    },
    number: 3,
    claimCount: 12,
    previousId: "claim-0",
    nextId: null,
    citations,
    trace: traceClaim(chain, sources),
    captureWarnings: [],
    events: [{ id: "e-1", type: "status_changed", fromValue: "Unchecked", toValue: "In progress", note: "Started", createdAt: at, actor: { name: "Ana Reyes" } }],
    comments: [{ id: "m-1", body: "Called the press office.", createdAt: at, author: { name: "Ben Okafor" } }],
    members: [{ id: "u-ana", name: "Ana Reyes", role: "editor" }, { id: "u-ben", name: "Ben Okafor", role: "owner" }],
    settings: { labels: { accurate: { label: "Correct" } }, rules: { ...DEFAULT_TEAM_RULES, requireSignOff: true } },
  } as unknown as ClaimView;
}

const noop = async () => null;
const actions = new Proxy({}, { get: () => noop }) as unknown as ClaimActions;

function render(options: { canWrite?: boolean; userId?: string; view?: ClaimView } = {}) {
  return renderToStaticMarkup(
    createElement(ClaimPage, { team: "desk", userId: options.userId ?? "u-ben", canWrite: options.canWrite ?? true, today: "2026-11-25", detail: options.view ?? buildView(), actions, liveCursor: "0.0" }),
  );
}

describe("ClaimPage", () => {
  it("shows where the claim sits and its provenance", () => {
    const html = render();
    expect(html).toContain("Claim 3 of 12");
    expect(html).toContain('href="/t/desk/articles/a-1/claims/claim-0"');
    expect(html).toContain('href="/t/desk/articles/a-1/sources"');
    expect(html).toContain("1 origin: Duma bill");
    expect(html).toContain("✓</span>1 origin</span>");
    expect(html).toContain("Origin reached");
    expect(html).toContain('aria-label="Provenance paths"');
  });

  it("offers the editing controls with their accessible names", () => {
    const html = render();
    expect(html).toContain('role="combobox"');
    expect(html).toContain(">Source</label>");
    expect(html).toContain("Add citation");
    expect(html).toContain("Cite the article&#x27;s outlet (Insider)");
    // A verdict is given: its form waits behind "Change verdict".
    expect(html).toContain("Change verdict");
    expect(html).not.toContain(">Rationale</label>");
    expect(html).toContain("Correct");
    expect(html).toContain("Awaiting sign-off by a second editor");
    expect(html).toContain(">Sign off<");
    expect(html).toContain("Move to Needs review");
    expect(html).toContain("Move back to Unchecked");
    expect(html).toContain("View capture");
    expect(html).toContain("History cannot be edited or deleted.");
    expect(html).toContain("Ana Reyes</span> changed the state");
  });

  it("does not let the editor who gave the verdict sign it off", () => {
    const html = render({ userId: "u-ana" });
    expect(html).toContain("You gave this verdict");
    expect(html).not.toContain(">Sign off<");
  });

  it("is read-only for viewers and for a deleted claim", () => {
    for (const html of [render({ canWrite: false }), render({ view: buildView({ deletedAt: at }) })]) {
      expect(html).not.toContain('role="combobox"');
      expect(html).not.toContain("Give verdict");
      expect(html).not.toContain("Move to Needs review");
      expect(html).toContain("The Duma passed the bill in May.");
    }
    expect(render({ view: buildView({ deletedAt: at }) })).toContain("This claim was deleted");
  });
});
