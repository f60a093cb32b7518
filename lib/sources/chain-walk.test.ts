import { describe, expect, it } from "vitest";
import { listChainStarts, resolveChainEnds } from "./chain-walk";

type Relay = { id: string; viaCitationId: string | null };

const relay = (id: string, via: string | null = null): Relay => ({ id, viaCitationId: via });

describe("resolveChainEnds", () => {
  it("follows via links to the citation without one", () => {
    const ends = resolveChainEnds([relay("insider", "beast"), relay("beast", "bill"), relay("bill")]);
    expect(ends.get("insider")).toEqual({ kind: "end", citationId: "bill" });
    expect(ends.get("beast")).toEqual({ kind: "end", citationId: "bill" });
    expect(ends.get("bill")).toEqual({ kind: "end", citationId: "bill" });
  });

  it("reports a via that names a citation not in the set", () => {
    const ends = resolveChainEnds([relay("insider", "beast"), relay("beast", "ghost")]);
    expect(ends.get("insider")).toEqual({ kind: "missing", citationId: "beast", viaCitationId: "ghost" });
  });

  it("finds a cycle, in via order, and gives the citations leading into it the same end", () => {
    const ends = resolveChainEnds([relay("guardian", "a"), relay("a", "b"), relay("b", "a")]);
    expect(ends.get("guardian")).toEqual({ kind: "cycle", citationIds: ["a", "b"] });
    expect(ends.get("a")).toBe(ends.get("guardian"));
    expect(ends.get("b")).toBe(ends.get("guardian"));
  });

  it("finds a citation relaying itself", () => {
    expect(resolveChainEnds([relay("a", "a")]).get("a")).toEqual({ kind: "cycle", citationIds: ["a"] });
  });

  it("reads each citation's via link once, however many chains share it", () => {
    let reads = 0;
    const counted = (id: string, via: string | null) => ({
      id,
      get viaCitationId() {
        reads += 1;
        return via;
      },
    });
    const spine = Array.from({ length: 2000 }, (_, i) => counted(`s${i}`, i + 1 < 2000 ? `s${i + 1}` : null));
    // 2000 outlets all relaying the top of the spine: naive walking would read 4 million links.
    const broom = Array.from({ length: 2000 }, (_, i) => counted(`o${i}`, "s0"));
    const ends = resolveChainEnds([...broom, ...spine]);
    expect(reads).toBe(4000);
    expect(ends.get("o1999")).toEqual({ kind: "end", citationId: "s1999" });
  });

  it("handles very long chains and cycles without recursion", () => {
    const n = 20_000;
    const chain = Array.from({ length: n }, (_, i) => relay(`c${i}`, `c${(i + 1) % n}`));
    const ends = resolveChainEnds(chain);
    const end = ends.get("c0");
    expect(end?.kind).toBe("cycle");
    expect(end?.kind === "cycle" && end.citationIds.length).toBe(n);
  });
});

describe("listChainStarts", () => {
  it("starts at the citations nothing relays through", () => {
    const citations = [relay("beast", "bill"), relay("insider", "beast"), relay("times", "beast"), relay("bill")];
    expect(listChainStarts(citations, resolveChainEnds(citations))).toEqual(["insider", "times"]);
  });

  it("adds one start per cycle nothing leads into, and none for a cycle that is led into", () => {
    const citations = [relay("a", "b"), relay("b", "a"), relay("self", "self"), relay("g", "x"), relay("x", "y"), relay("y", "x")];
    const ends = resolveChainEnds(citations);
    expect(listChainStarts(citations, ends)).toEqual(["g", "a", "self"]);
  });
});
