import { describe, expect, it } from "vitest";
import { traceClaim } from "./chain";
import { classifyProvenance, describeClaimCounts, findMostLeanedOn, listSourceRoles } from "./map-overview";
import { traceArticle } from "./source-map";
import { allFixtureSources, cite } from "./test-helpers";
import type { Citation } from "./types";

const kindOf = (citations: Citation[]) => classifyProvenance(traceClaim(citations, allFixtureSources), citations.length);

describe("classifyProvenance", () => {
  it("tells single origins, several, unreached, loops and untraced claims apart", () => {
    const single = [cite("i", "insider", { viaCitationId: "b" }), cite("b", "beast", { viaCitationId: "bill" }), cite("bill", "bill", { isOrigin: true })];
    expect(kindOf(single)).toEqual({ kind: "single", originCount: 1, hasUnreached: false, hasCycle: false });
    expect(kindOf([cite("bill", "bill", { isOrigin: true }), cite("k", "kartapolov", { isOrigin: true })]).kind).toBe("several");
    expect(kindOf([cite("i", "insider", { viaCitationId: "bo" }), cite("bo", "barents")]).kind).toBe("none_reached");
    expect(kindOf([cite("a", "insider", { viaCitationId: "b" }), cite("b", "beast", { viaCitationId: "a" })]).kind).toBe("cycle");
    expect(kindOf([cite("p", "peskov", { relation: "contradicts", isOrigin: true })]).kind).toBe("no_support");
    expect(kindOf([]).kind).toBe("not_traced");
  });

  it("flags an unreached origin beside a reached one", () => {
    const glance = kindOf([cite("bill", "bill", { isOrigin: true }), cite("bo", "barents")]);
    expect(glance).toEqual({ kind: "several", originCount: 2, hasUnreached: true, hasCycle: false });
  });
});

describe("describeClaimCounts", () => {
  it("puts what needs attention first and agrees in number", () => {
    expect(describeClaimCounts(["several", "single", "none_reached", "single", "not_traced", "several", "single"])).toBe(
      "7 claims: 3 stand on a single origin, 1 has no origin reached, 2 have two or more independent origins, 1 is not traced yet",
    );
    expect(describeClaimCounts(["cycle"])).toBe("1 claim: 1 is lost in a citation loop");
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
