import { describe, expect, it } from "vitest";
import { traceClaim } from "./chain";
import type { ChainWarningKind, ClaimTrace } from "./chain-types";
import { allFixtureSources, cite } from "./test-helpers";

const kinds = (trace: ClaimTrace): ChainWarningKind[] => trace.warnings.map((warning) => warning.kind);
const sourcesOf = (trace: ClaimTrace): string[][] =>
  trace.paths.map((path) => path.hops.map((hop) => hop.citation.sourceId));

describe("traceClaim: the fixture article", () => {
  it("traces Insider <- The Daily Beast <- the Duma bill to a reached origin", () => {
    const trace = traceClaim(
      [
        cite("c-insider", "insider", { viaCitationId: "c-beast" }),
        cite("c-beast", "beast", { viaCitationId: "c-bill" }),
        cite("c-bill", "bill", { isOrigin: true }),
      ],
      allFixtureSources,
    );
    expect(sourcesOf(trace)).toEqual([["insider", "beast", "bill"]]);
    expect(trace.paths[0]?.end).toBe("origin");
    expect(trace.origins).toMatchObject([{ sourceId: "bill", name: "the Duma bill", reached: true, citationIds: ["c-bill"] }]);
    expect(trace.tally.independentOrigins).toBe(1);
    expect(trace.tally.citedSourceCount).toBe(1);
    expect(trace.warnings).toEqual([]);
    expect(trace.summary).toBe("1 origin: the Duma bill");
  });

  it("counts the bill and Kartapolov as two independent origins behind one outlet", () => {
    const trace = traceClaim(
      [
        cite("i1", "insider", { viaCitationId: "b1" }),
        cite("b1", "beast", { viaCitationId: "bill" }),
        cite("bill", "bill", { isOrigin: true }),
        cite("i2", "insider", { viaCitationId: "b2" }),
        cite("b2", "beast", { viaCitationId: "kart" }),
        cite("kart", "kartapolov", { isOrigin: true }),
      ],
      allFixtureSources,
    );
    expect(sourcesOf(trace)).toEqual([
      ["insider", "beast", "bill"],
      ["insider", "beast", "kartapolov"],
    ]);
    expect(trace.tally.independentOrigins).toBe(2);
    expect(trace.warnings).toEqual([]);
    expect(trace.summary).toBe("2 independent origins: the Duma bill, Andrey Kartapolov");
  });

  it("says no origin is reached when the Barents Observer is not traced further", () => {
    const trace = traceClaim(
      [cite("i", "insider", { viaCitationId: "bo" }), cite("bo", "barents")],
      allFixtureSources,
    );
    expect(trace.paths[0]?.end).toBe("not_reached");
    expect(trace.origins).toMatchObject([{ sourceId: "barents", reached: false }]);
    expect(trace.tally).toMatchObject({ independentOrigins: 0, independentChains: 1, restsOnSingleOrigin: false });
    expect(trace.summary).toBe("No origin reached yet (traced as far as The Barents Observer)");
    expect(trace.warnings).toEqual([
      {
        kind: "no_origin_reached",
        citationIds: ["bo"],
        message: "The trace stops at The Barents Observer, which is not marked as the origin.",
      },
    ]);
  });

  it("traces Sokov's quote through The Daily Beast", () => {
    const trace = traceClaim(
      [
        cite("i", "insider", { viaCitationId: "b", passage: "They are a tool to enhance security" }),
        cite("b", "beast", { viaCitationId: "s" }),
        cite("s", "sokov", { isOrigin: true }),
      ],
      allFixtureSources,
    );
    expect(trace.summary).toBe("1 origin: Nikolai Sokov");
    expect(trace.paths[0]?.hops.map((hop) => hop.source?.name)).toEqual([
      "Business Insider",
      "The Daily Beast",
      "Nikolai Sokov",
    ]);
  });
});

describe("traceClaim: one vocabulary (docs/decisions/0018)", () => {
  const bbc = { id: "bbc", name: "BBC News", kind: "outlet" as const, domains: ["bbc.co.uk"] };
  const obama = { id: "obama", name: "Barack Obama", kind: "person" as const, domains: [] };
  const sources = [...allFixtureSources, bbc, obama];

  it("never calls the outlet a trace stops at an origin (only BBC News cited)", () => {
    const trace = traceClaim([cite("c-bbc", "bbc")], sources);
    expect(trace.summary).toBe("No origin reached yet (traced as far as BBC News)");
    expect(trace.tally).toMatchObject({ independentOrigins: 0, independentChains: 1, restsOnSingleOrigin: false });
    expect(trace.tally.reached).toEqual([]);
    expect(trace.tally.stops.map((stop) => stop.name)).toEqual(["BBC News"]);
  });

  it("counts a relay never as an origin, even when it is marked and relays further", () => {
    const trace = traceClaim([cite("c-bbc", "bbc", { isOrigin: true, viaCitationId: "c-obama" }), cite("c-obama", "obama")], sources);
    expect(trace.tally.independentOrigins).toBe(0);
    expect(trace.summary).toBe("No origin reached yet (traced as far as Barack Obama)");
  });

  it("does not flag a first-hand statement by its origin as a single-origin weakness", () => {
    const direct = traceClaim([cite("c-obama", "obama", { isOrigin: true })], sources);
    expect(direct.summary).toBe("1 origin: Barack Obama");
    expect(direct.tally).toMatchObject({ independentOrigins: 1, restsOnSingleOrigin: false });
    expect(kinds(direct)).toEqual([]);
    const viaOneOutlet = traceClaim([cite("c-bbc", "bbc", { viaCitationId: "c-obama" }), cite("c-obama", "obama", { isOrigin: true })], sources);
    expect(viaOneOutlet.tally.restsOnSingleOrigin).toBe(false);
    expect(kinds(viaOneOutlet)).toEqual([]);
  });

  it("flags one origin relayed by several outlets", () => {
    const trace = traceClaim(
      [cite("c-bbc", "bbc", { viaCitationId: "c-obama" }), cite("c-t", "times", { viaCitationId: "c-obama", relation: "corroborates" }), cite("c-obama", "obama", { isOrigin: true })],
      sources,
    );
    expect(trace.tally).toMatchObject({ independentOrigins: 1, restsOnSingleOrigin: true });
    expect(trace.summary).toBe("2 outlets, 1 origin: Barack Obama");
    expect(kinds(trace)).toEqual(["single_origin"]);
  });
});

describe("traceClaim: shared and missing origins", () => {
  // Insider and The Times both relay the same Daily Beast citation; The Guardian went to the bill.
  const threeOutlets = [
    cite("i", "insider", { viaCitationId: "b" }),
    cite("t", "times", { viaCitationId: "b", relation: "corroborates" }),
    cite("g", "guardian", { viaCitationId: "bill", relation: "corroborates" }),
    cite("b", "beast", { viaCitationId: "bill" }),
    cite("bill", "bill", { isOrigin: true }),
  ];

  it("shows three outlets resting on one origin, and warns", () => {
    const trace = traceClaim(threeOutlets, allFixtureSources);
    expect(sourcesOf(trace)).toEqual([
      ["insider", "beast", "bill"],
      ["times", "beast", "bill"],
      ["guardian", "bill"],
    ]);
    expect(trace.summary).toBe("3 outlets, 1 origin: the Duma bill");
    expect(trace.tally.citedSourceCount).toBe(3);
    expect(trace.tally.independentOrigins).toBe(1);
    expect(trace.origins).toHaveLength(1);
    expect(trace.warnings).toEqual([
      {
        kind: "single_origin",
        citationIds: ["i", "t", "g"],
        message:
          "3 outlets (Business Insider, The Times, The Guardian) all lead back to one origin, the Duma bill: they repeat it rather than confirm it independently.",
      },
    ]);
  });

  it("shares the tail of paths without repeating it in the origins", () => {
    const trace = traceClaim(threeOutlets, allFixtureSources);
    expect(trace.paths[0]?.hops[1]?.citation).toBe(trace.paths[1]?.hops[1]?.citation);
    expect(trace.origins[0]?.citationIds).toEqual(["bill"]);
  });

  it("warns once per unreached end, however many outlets lead to it", () => {
    const trace = traceClaim(
      [cite("i", "insider", { viaCitationId: "b" }), cite("t", "times", { viaCitationId: "b" }), cite("b", "beast")],
      allFixtureSources,
    );
    expect(kinds(trace)).toEqual(["no_origin_reached", "single_origin"]);
    expect(trace.summary).toBe("No origin reached yet (traced as far as The Daily Beast)");
    // Repeated, but The Daily Beast is where the trace stops, never "one origin".
    expect(trace.warnings[1]?.message).toBe(
      "2 outlets (Business Insider, The Times) all lead back to one source, The Daily Beast: they repeat it rather than confirm it independently.",
    );
    expect(trace.tally).toMatchObject({ independentOrigins: 0, isRepeated: true, restsOnSingleOrigin: false });
  });

  it("names a chain that stops short apart from the origins reached, and does not count it", () => {
    const trace = traceClaim(
      [cite("i", "insider", { viaCitationId: "bill" }), cite("bill", "bill", { isOrigin: true }), cite("bo", "barents")],
      allFixtureSources,
    );
    expect(trace.summary).toBe("1 origin: the Duma bill; another chain stops at The Barents Observer");
    expect(trace.tally).toMatchObject({ independentOrigins: 1, independentChains: 2, restsOnSingleOrigin: false });
  });

  it("uses 'sources' rather than 'outlets' when people or documents are cited directly", () => {
    const trace = traceClaim(
      [cite("i", "insider", { viaCitationId: "k" }), cite("k", "kartapolov", { isOrigin: true }), cite("k2", "kartapolov")],
      allFixtureSources,
    );
    expect(trace.summary).toBe("2 sources, 1 origin: Andrey Kartapolov");
  });

  it("counts the same source reached through two citations once", () => {
    const trace = traceClaim(
      [cite("a", "bill", { isOrigin: true }), cite("b", "bill", { isOrigin: true, relation: "corroborates" })],
      allFixtureSources,
    );
    expect(trace.tally.independentOrigins).toBe(1);
    expect(trace.origins[0]?.citationIds).toEqual(["a", "b"]);
    expect(trace.warnings).toEqual([]);
  });
});

describe("traceClaim: contradictions and context", () => {
  it("counts contradicting origins apart from supporting ones", () => {
    const trace = traceClaim(
      [
        cite("i", "insider", { viaCitationId: "bill" }),
        cite("bill", "bill", { isOrigin: true }),
        cite("p", "peskov", { relation: "contradicts", isOrigin: true }),
      ],
      allFixtureSources,
    );
    expect(trace.tally.independentOrigins).toBe(1);
    expect(trace.contradictingOrigins).toBe(1);
    expect(trace.summary).toBe("1 origin: the Duma bill; contradicted by Dmitry Peskov");
  });

  it("summarises a claim with only a contradicting citation", () => {
    const trace = traceClaim([cite("p", "peskov", { relation: "contradicts" })], allFixtureSources);
    expect(trace.summary).toBe("No supporting source cited; contradicted by Dmitry Peskov (not traced to an origin)");
    expect(trace.tally.independentOrigins).toBe(0);
    expect(kinds(trace)).toEqual(["no_origin_reached"]);
  });

  it("leaves context citations out of the counts and warnings", () => {
    const trace = traceClaim(
      [cite("bill", "bill", { isOrigin: true }), cite("g", "guardian", { relation: "context" })],
      allFixtureSources,
    );
    expect(trace.tally.independentOrigins).toBe(1);
    expect(trace.tally.citedSourceCount).toBe(1);
    expect(trace.paths.map((path) => path.relation)).toEqual(["states", "context"]);
    expect(trace.warnings).toEqual([]);
    expect(trace.summary).toBe("1 origin: the Duma bill");
  });

  it("still warns about an unreached end that a stating citation shares with a context one", () => {
    const trace = traceClaim(
      [cite("g", "guardian", { relation: "context", viaCitationId: "b" }), cite("i", "insider", { viaCitationId: "b" }), cite("b", "beast")],
      allFixtureSources,
    );
    expect(kinds(trace)).toEqual(["no_origin_reached"]);
  });

  it("has a plain summary for a claim without citations", () => {
    const trace = traceClaim([], allFixtureSources);
    expect(trace).toMatchObject({ paths: [], origins: [], tally: { independentOrigins: 0 }, warnings: [], summary: "No sources cited yet" });
  });
});

describe("traceClaim: broken chains", () => {
  it("reports a cycle (A via B via A) with the sources in loop order, and never loops", () => {
    const trace = traceClaim(
      [cite("a", "insider", { viaCitationId: "b" }), cite("b", "beast", { viaCitationId: "a" })],
      allFixtureSources,
    );
    expect(sourcesOf(trace)).toEqual([["insider", "beast"]]);
    expect(trace.paths[0]?.end).toBe("cycle");
    expect(trace.origins).toEqual([]);
    expect(trace.tally.citedSourceCount).toBe(0);
    expect(trace.warnings).toEqual([
      {
        kind: "cycle",
        citationIds: ["a", "b"],
        message:
          "These citations relay each other in a loop (Business Insider → The Daily Beast → Business Insider); correct their “reported via” links.",
      },
    ]);
    expect(trace.summary).toBe("No origin reached yet");
  });

  it("ends a real citation's path at the cycle it runs into", () => {
    const trace = traceClaim(
      [
        cite("g", "guardian", { viaCitationId: "a" }),
        cite("a", "insider", { viaCitationId: "b" }),
        cite("b", "beast", { viaCitationId: "a" }),
        cite("bill", "bill", { isOrigin: true }),
      ],
      allFixtureSources,
    );
    expect(sourcesOf(trace)).toEqual([["guardian", "insider", "beast"], ["bill"]]);
    expect(trace.paths.map((path) => path.end)).toEqual(["cycle", "origin"]);
    expect(kinds(trace)).toEqual(["cycle"]);
    expect(trace.tally.citedSourceCount).toBe(1);
    expect(trace.summary).toBe("1 origin: the Duma bill");
  });

  it("reports a via to a citation that is not on the claim", () => {
    const trace = traceClaim([cite("i", "insider", { viaCitationId: "elsewhere", isOrigin: true })], allFixtureSources);
    expect(trace.paths[0]?.end).toBe("missing_link");
    expect(trace.origins).toMatchObject([{ sourceId: "insider", reached: false }]);
    expect(trace.warnings.map((warning) => warning.message)).toEqual([
      "Business Insider is recorded as relaying a citation that is not on this claim; the trace stops at Business Insider.",
    ]);
  });

  it("notices an origin mark in the middle of a chain and follows the via", () => {
    const trace = traceClaim(
      [cite("b", "beast", { isOrigin: true, viaCitationId: "bill" }), cite("bill", "bill", { isOrigin: true })],
      allFixtureSources,
    );
    expect(trace.summary).toBe("1 origin: the Duma bill");
    expect(trace.warnings).toEqual([
      {
        kind: "origin_mid_chain",
        citationIds: ["b", "bill"],
        message: "The Daily Beast is marked as the origin but is also recorded as relaying the Duma bill; the trace continues to the Duma bill.",
      },
    ]);
  });

  it("keeps going when a citation's source no longer exists", () => {
    const trace = traceClaim([cite("x", "deleted", { isOrigin: true })], allFixtureSources);
    expect(trace.paths[0]?.hops[0]?.source).toBeNull();
    expect(trace.summary).toBe("1 origin: an unknown source");
    expect(kinds(trace)).toEqual(["unknown_source"]);
  });

  it("accepts sources already keyed by id", () => {
    const byId = new Map(allFixtureSources.map((source) => [source.id, source]));
    expect(traceClaim([cite("s", "sokov", { isOrigin: true })], byId).summary).toBe("1 origin: Nikolai Sokov");
  });
});
