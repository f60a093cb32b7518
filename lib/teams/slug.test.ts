import { describe, expect, it } from "vitest";
import { findFreeSlug, slugify } from "./slug";

describe("slugify", () => {
  it("lowercases and joins words with dashes", () => {
    expect(slugify("Demo Newsroom")).toBe("demo-newsroom");
  });
  it("drops accents and punctuation", () => {
    expect(slugify("  Le Monde — Décodeurs! ")).toBe("le-monde-decodeurs");
  });
  it("falls back for names without letters", () => {
    expect(slugify("🙂🙂")).toBe("team");
  });
  it("caps the length without a trailing dash", () => {
    const slug = slugify("a".repeat(39) + " b");
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("findFreeSlug", () => {
  it("numbers a taken slug", async () => {
    const taken = new Set(["metro", "metro-2"]);
    await expect(findFreeSlug("Metro", async (slug) => taken.has(slug))).resolves.toBe("metro-3");
  });
});
