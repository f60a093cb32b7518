import { describe, expect, it } from "vitest";
import { traceArticle } from "./source-map";
import { allFixtureSources, cite } from "./test-helpers";

// The fixture article's claims, as an editor would trace them.
const claims = [
  {
    id: "militias",
    citations: [
      cite("m-i1", "insider", { viaCitationId: "m-b1" }),
      cite("m-b1", "beast", { viaCitationId: "m-bill" }),
      cite("m-bill", "bill", { isOrigin: true }),
      cite("m-i2", "insider", { viaCitationId: "m-b2" }),
      cite("m-b2", "beast", { viaCitationId: "m-kart" }),
      cite("m-kart", "kartapolov", { isOrigin: true }),
    ],
  },
  {
    id: "bill-noted",
    citations: [
      cite("n-i", "insider", { viaCitationId: "n-b" }),
      cite("n-g", "guardian", { viaCitationId: "n-b", relation: "corroborates" }),
      cite("n-b", "beast", { viaCitationId: "n-bill" }),
      cite("n-bill", "bill", { isOrigin: true }),
    ],
  },
  { id: "tasks", citations: [cite("t-i", "insider", { viaCitationId: "t-bo" }), cite("t-bo", "barents")] },
  {
    id: "sokov",
    citations: [
      cite("s-i", "insider", { viaCitationId: "s-b" }),
      cite("s-b", "beast", { viaCitationId: "s-s" }),
      cite("s-s", "sokov", { isOrigin: true }),
      cite("s-p", "peskov", { relation: "contradicts", isOrigin: true }),
    ],
  },
  { id: "unsourced", citations: [] },
];

describe("traceArticle", () => {
  const map = traceArticle(claims, allFixtureSources);

  it("gives each claim its origin count and whether it rests on a single origin", () => {
    expect(
      map.claims.map((claim) => [claim.claimId, claim.originCount, claim.restsOnSingleOrigin, claim.trace.summary]),
    ).toEqual([
      ["militias", 2, false, "2 independent origins: the Duma bill, Andrey Kartapolov"],
      ["bill-noted", 1, true, "2 outlets, 1 origin: the Duma bill"],
      ["tasks", 0, false, "No origin reached yet (traced as far as The Barents Observer)"],
      ["sokov", 1, false, "1 origin: Nikolai Sokov; contradicted by Dmitry Peskov"],
      ["unsourced", 0, false, "No sources cited yet"],
    ]);
  });

  it("counts for each source the claims resting on it, most leaned on first", () => {
    expect(map.sources.map((usage) => [usage.name, usage.claimIds, usage.originClaimIds])).toEqual([
      ["Business Insider", ["militias", "bill-noted", "tasks", "sokov"], []],
      ["The Daily Beast", ["militias", "bill-noted", "sokov"], []],
      ["the Duma bill", ["militias", "bill-noted"], ["militias", "bill-noted"]],
      ["Andrey Kartapolov", ["militias"], ["militias"]],
      ["Nikolai Sokov", ["sokov"], ["sokov"]],
      ["The Barents Observer", ["tasks"], []],
      ["The Guardian", ["bill-noted"], []],
    ]);
  });

  it("does not count a contradicting source as one the claim rests on", () => {
    expect(map.sources.find((usage) => usage.sourceId === "peskov")).toBeUndefined();
  });
});
