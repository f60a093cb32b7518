import { describe, expect, it } from "vitest";
import { traceClaim } from "./chain";
import { classifyProvenance, describeClaimCounts, findMostLeanedOn, listSourceRoles } from "./map-overview";
import type { ProvenanceKind } from "./map-overview";
import { traceArticle } from "./source-map";
import { allFixtureSources, cite } from "./test-helpers";
import type { Citation } from "./types";

const kindOf = (citations: Citation[]) => classifyProvenance(traceClaim(citations, allFixtureSources), citations.length);

describe("classifyProvenance", () => {
  it("tells single origins, several, unreached, loops and untraced claims apart", () => {
    const single = [cite("i", "insider", { viaCitationId: "b" }), cite("b", "beast", { viaCitationId: "bill" }), cite("bill", "bill", { isOrigin: true })];
    expect(kindOf(single)).toEqual({ kind: "single", originCount: 1, restsOnSingleOrigin: false, hasUnreached: false, hasCycle: false });
    expect(kindOf([cite("bill", "bill", { isOrigin: true }), cite("k", "kartapolov", { isOrigin: true })]).kind).toBe("several");
    expect(kindOf([cite("i", "insider", { viaCitationId: "bo" }), cite("bo", "barents")]).kind).toBe("none_reached");
    expect(kindOf([cite("a", "insider", { viaCitationId: "b" }), cite("b", "beast", { viaCitationId: "a" })]).kind).toBe("cycle");
    expect(kindOf([cite("p", "peskov", { relation: "contradicts", isOrigin: true })]).kind).toBe("no_support");
    expect(kindOf([]).kind).toBe("not_traced");
  });

  it("counts a chain that stops short apart from the origin reached", () => {
    const glance = kindOf([cite("bill", "bill", { isOrigin: true }), cite("bo", "barents")]);
    expect(glance).toEqual({ kind: "single", originCount: 1, restsOnSingleOrigin: false, hasUnreached: true, hasCycle: false });
  });

  it("calls an outlet the trace stops at no origin", () => {
    expect(kindOf([cite("i", "insider")])).toEqual({ kind: "none_reached", originCount: 0, restsOnSingleOrigin: false, hasUnreached: true, hasCycle: false });
  });

  it("marks one origin repeated by several outlets, not a first-hand one", () => {
    expect(kindOf([cite("k", "kartapolov", { isOrigin: true })]).restsOnSingleOrigin).toBe(false);
    const repeated = kindOf([cite("i", "insider", { viaCitationId: "k" }), cite("t", "times", { viaCitationId: "k" }), cite("k", "kartapolov", { isOrigin: true })]);
    expect(repeated).toMatchObject({ kind: "single", restsOnSingleOrigin: true });
  });
});

describe("describeClaimCounts", () => {
  it("puts what needs attention first and agrees in number", () => {
    const glance = (kind: ProvenanceKind, restsOnSingleOrigin = false) => ({ kind, restsOnSingleOrigin });
    expect(
      describeClaimCounts([glance("several"), glance("single", true), glance("none_reached"), glance("single", true), glance("not_traced"), glance("several"), glance("single")]),
    ).toBe(
      "7 claims: 2 rest on a single origin repeated by several sources, 1 has no origin reached, 1 has one origin, 2 have two or more independent origins, 1 is not traced yet",
    );
    expect(describeClaimCounts([glance("cycle")])).toBe("1 claim: 1 is lost in a citation loop");
    expect(describeClaimCounts([])).toBe("No claims yet.");
  });
});

describe("findMostLeanedOn", () => {
  const map = traceArticle(
    [
      { id: "a", citations: [cite("a1", "insider", { viaCitationId: "a2" }), cite("a2", "beast", { viaCitationId: "a3" }), cite("a3", "bill", { isOrigin: true })] },
      { id: "b", citations: [cite("b1", "insider", { viaCitationId: "b2" }), cite("b2", "beast")] },
      { id: "c", citations: [cite("c1", "guardian", { isOrigin: true })] },
    ],
    allFixtureSources,
  );

  it("skips the article's own outlet, whatever its spelling", () => {
    expect(findMostLeanedOn(map.sources, "business insider")).toEqual({ names: ["The Daily Beast"], claimCount: 2 });
    expect(findMostLeanedOn(map.sources, null)).toEqual({ names: ["Business Insider", "The Daily Beast"], claimCount: 2 });
    expect(findMostLeanedOn([], "Business Insider")).toBeNull();
  });
});

describe("listSourceRoles", () => {
  it("gives each source on the claim's chains its part", () => {
    const trace = traceClaim(
      [
        cite("i", "insider", { viaCitationId: "b" }),
        cite("b", "beast", { viaCitationId: "bill" }),
        cite("bill", "bill", { isOrigin: true }),
        cite("g", "guardian", { viaCitationId: "bo", relation: "corroborates" }),
        cite("bo", "barents"),
        cite("p", "peskov", { relation: "contradicts", isOrigin: true }),
      ],
      allFixtureSources,
    );
    expect(Object.fromEntries(listSourceRoles(trace))).toEqual({
      insider: "relays",
      beast: "relays",
      bill: "origin",
      guardian: "relays",
      barents: "unreached",
      peskov: "contradicts",
    });
  });
});
