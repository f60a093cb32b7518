import { describe, expect, it } from "vitest";
import { traceClaim } from "./chain";
import { ARTICLE_NODE, buildSourceGraph, focusSourceGraph, limitSourceGraph } from "./map-graph";
import { allFixtureSources, cite } from "./test-helpers";
import type { Citation } from "./types";

const traced = (claimId: string, citations: Citation[]) => ({ claimId, trace: traceClaim(citations, allFixtureSources) });

describe("buildSourceGraph", () => {
  const graph = buildSourceGraph("Private armies", [
    traced("one", [cite("i", "insider", { viaCitationId: "b" }), cite("b", "beast", { viaCitationId: "bill" }), cite("bill", "bill", { isOrigin: true })]),
    // The bill cited straight from the article here: it still sits right of The Daily Beast.
    traced("two", [cite("x", "bill", { isOrigin: true }), cite("g", "guardian", { viaCitationId: "bo", relation: "corroborates" }), cite("bo", "barents")]),
  ]);
  const node = (id: string) => graph.nodes.find((each) => each.id === id)!;

  it("lays chains out left to right from the article", () => {
    expect(node(ARTICLE_NODE)).toMatchObject({ layer: 0, kind: "article", name: "Private armies", claimIds: ["one", "two"] });
    expect([node("insider").layer, node("beast").layer, node("bill").layer]).toEqual([1, 2, 3]);
    expect([node("guardian").layer, node("barents").layer]).toEqual([1, 2]);
  });

  it("marks where chains end and merges edges across claims", () => {
    expect(node("bill")).toMatchObject({ end: "origin", claimIds: ["one", "two"] });
    expect(node("barents").end).toBe("unreached");
    expect(node("beast").end).toBeNull();
    expect(graph.edges.map((edge) => [edge.from, edge.to, edge.relation, edge.claimIds])).toEqual([
      [ARTICLE_NODE, "insider", "states", ["one"]],
      ["insider", "beast", "states", ["one"]],
      ["beast", "bill", "states", ["one"]],
      [ARTICLE_NODE, "bill", "states", ["two"]],
      [ARTICLE_NODE, "guardian", "corroborates", ["two"]],
      ["guardian", "barents", "corroborates", ["two"]],
    ]);
  });

  it("closes a loop with an edge marked as such", () => {
    const loop = buildSourceGraph("A", [traced("c", [cite("a", "insider", { viaCitationId: "b" }), cite("b", "beast", { viaCitationId: "a" })])]);
    expect(loop.edges.filter((edge) => edge.isLoop).map((edge) => [edge.from, edge.to])).toEqual([["beast", "insider"]]);
  });

  it("counts each role per claim: BBC News relays five claims and stops one chain", () => {
    const viaBbc = (claimId: string) =>
      traced(claimId, [cite(`${claimId}-g`, "guardian", { viaCitationId: `${claimId}-b` }), cite(`${claimId}-b`, "beast", { viaCitationId: `${claimId}-k` }), cite(`${claimId}-k`, "kartapolov", { isOrigin: true })]);
    const stopsAtBeast = traced("six", [cite("six-b", "beast")]);
    const map = buildSourceGraph("A", [viaBbc("one"), viaBbc("two"), viaBbc("three"), viaBbc("four"), viaBbc("five"), stopsAtBeast]);
    const beast = map.nodes.find((each) => each.id === "beast")!;
    expect(beast.claimIds).toHaveLength(6);
    expect(beast.stopClaimIds).toEqual(["six"]);
    expect(beast.relayClaimIds).toEqual(["one", "two", "three", "four", "five"]);
    expect(beast.originClaimIds).toEqual([]);
    // A source that relays for one claim and is reached for another is an origin only for that one.
    expect(node("bill")).toMatchObject({ originClaimIds: ["one", "two"], relayClaimIds: [] });
    expect(node("beast")).toMatchObject({ originClaimIds: [], relayClaimIds: ["one"] });
  });

  it("focuses on one source and its neighbours", () => {
    const focused = focusSourceGraph(graph, "beast")!;
    expect(focused.nodes.map((each) => each.id).sort()).toEqual(["beast", "bill", "insider"]);
    expect(focused.edges.map((edge) => [edge.from, edge.to])).toEqual([["insider", "beast"], ["beast", "bill"]]);
    expect(focusSourceGraph(graph, "nowhere")).toBeNull();
  });

  it("keeps the sources most claims pass through and counts the rest", () => {
    const { graph: limited, hiddenCount } = limitSourceGraph(graph, 2);
    // The bill carries two claims; the tie among the rest goes by name.
    expect(limited.nodes.map((each) => each.id)).toEqual([ARTICLE_NODE, "insider", "bill"]);
    expect(hiddenCount).toBe(3);
    expect(limited.edges.every((edge) => limited.nodes.some((each) => each.id === edge.from) && limited.nodes.some((each) => each.id === edge.to))).toBe(true);
  });
});
