import { describe, expect, it } from "vitest";
import { findDuplicateSources, normalizeDomain, normalizeSourceName } from "./normalize";
import type { Source } from "./types";

describe("normalizeSourceName", () => {
  it("treats The Daily Beast, daily beast and Daily-Beast as one name", () => {
    expect(normalizeSourceName("The Daily Beast")).toBe("daily beast");
    expect(normalizeSourceName("daily beast")).toBe("daily beast");
    expect(normalizeSourceName("Daily-Beast")).toBe("daily beast");
    expect(normalizeSourceName("  THE   daily_beast! ")).toBe("daily beast");
  });

  it("drops diacritics, including letters Unicode does not decompose", () => {
    expect(normalizeSourceName("Le Monde Diplomatique")).toBe(normalizeSourceName("Le Mondé Diplomatique"));
    expect(normalizeSourceName("Andrey Kartapolov")).toBe(normalizeSourceName("Andréy Kártapolov"));
    expect(normalizeSourceName("Tromsø Avis")).toBe("tromso avis");
    expect(normalizeSourceName("Süddeutsche Zeitung")).toBe("suddeutsche zeitung");
    expect(normalizeSourceName("Die Straße")).toBe("die strasse");
  });

  it("ignores trailing company forms, even stacked, but not inside the name", () => {
    expect(normalizeSourceName("Reuters Ltd.")).toBe("reuters");
    expect(normalizeSourceName("Insider Inc")).toBe("insider");
    expect(normalizeSourceName("Axel Springer SE & Co. KG")).toBe("axel springer se and co kg");
    expect(normalizeSourceName("Smith & Co. Ltd")).toBe("smith");
    expect(normalizeSourceName("Company Town Gazette")).toBe("company town gazette");
  });

  it("joins dotted initials and apostrophes instead of splitting words", () => {
    expect(normalizeSourceName("B.B.C.")).toBe("bbc");
    expect(normalizeSourceName("O’Brien Report")).toBe(normalizeSourceName("O'Brien Report"));
  });

  it("never empties a name made only of a stripped word", () => {
    expect(normalizeSourceName("The")).toBe("the");
    expect(normalizeSourceName("Ltd")).toBe("ltd");
    expect(normalizeSourceName("The Company")).toBe("company");
    expect(normalizeSourceName("   ")).toBe("");
  });

  it("keeps non-Latin scripts (no transliteration)", () => {
    expect(normalizeSourceName("Государственная Дума")).toBe("государственная дума");
  });
});

describe("normalizeDomain", () => {
  it.each([
    ["https://www.BusinessInsider.com/x", "businessinsider.com"],
    ["businessinsider.com", "businessinsider.com"],
    ["BusinessInsider.com:8080/path?q=1#top", "businessinsider.com"],
    ["//www.thedailybeast.com/putin", "thedailybeast.com"],
    ["http://user:pw@www2.example.org./", "example.org"],
    ["  https://edition.cnn.com  ", "edition.cnn.com"],
    ["https://www.com", "www.com"],
    ["https://bücher.de/", "xn--bcher-kva.de"],
    ["http://[::1]:3000/", "[::1]"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it("returns null for what is not a host", () => {
    expect(normalizeDomain("")).toBeNull();
    expect(normalizeDomain("   ")).toBeNull();
    expect(normalizeDomain("Business Insider")).toBeNull();
    expect(normalizeDomain("https://")).toBeNull();
  });
});

describe("findDuplicateSources", () => {
  const sources: Source[] = [
    { id: "s1", name: "The Daily Beast", kind: "outlet", homepage: "https://www.thedailybeast.com", domains: [] },
    { id: "s2", name: "Business Insider", kind: "outlet", domains: ["businessinsider.com", "insider.com"] },
    { id: "s3", name: "Nikolai Sokov", kind: "person", domains: ["x.com"] },
    { id: "s4", name: "Insider", kind: "outlet", domains: [] },
  ];

  it("finds a source by name despite case, punctuation and a leading The", () => {
    const matches = findDuplicateSources(sources, { name: "daily-beast" });
    expect(matches).toEqual([{ source: sources[0], reasons: ["same name"], sharedDomains: [] }]);
  });

  it("ignores spaces between words, so DailyBeast matches", () => {
    expect(findDuplicateSources(sources, { name: "DailyBeast" }).map((m) => m.source.id)).toEqual(["s1"]);
  });

  it("finds a source by a shared domain, homepage included", () => {
    const matches = findDuplicateSources(sources, { name: "Beast", domains: ["https://thedailybeast.com/a"] });
    expect(matches).toEqual([{ source: sources[0], reasons: ["same domain"], sharedDomains: ["thedailybeast.com"] }]);
    const byHomepage = findDuplicateSources(sources, { name: "BI", homepage: "http://www.insider.com/" });
    expect(byHomepage.map((m) => [m.source.id, m.reasons])).toEqual([["s2", ["same domain"]]]);
  });

  it("puts matches on both name and domain first, then keeps input order", () => {
    const withTwin = [...sources, { id: "s5", name: "INSIDER", kind: "outlet", domains: ["businessinsider.com"] } satisfies Source];
    const matches = findDuplicateSources(withTwin, { name: "Insider", domains: ["businessinsider.com"] });
    expect(matches.map((m) => [m.source.id, m.reasons])).toEqual([
      ["s5", ["same name", "same domain"]],
      ["s2", ["same domain"]],
      ["s4", ["same name"]],
    ]);
  });

  it("does not match people who merely share a social platform", () => {
    expect(findDuplicateSources(sources, { name: "Someone Else", domains: ["https://x.com/someone"] })).toEqual([]);
  });

  it("skips the candidate itself when editing", () => {
    expect(findDuplicateSources(sources, { id: "s1", name: "The Daily Beast" })).toEqual([]);
  });

  it("finds nothing for a new source", () => {
    expect(findDuplicateSources(sources, { name: "The Barents Observer", domains: ["thebarentsobserver.com"] })).toEqual([]);
  });
});
