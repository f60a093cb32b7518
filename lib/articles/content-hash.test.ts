import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hashContent, normaliseForHash } from "./content-hash";
import { normaliseText } from "./normalise";

const fixture = readFileSync(new URL("../../prisma/fixtures/putin-private-armies.txt", import.meta.url), "utf8");

describe("hashContent", () => {
  it("is the SHA-256 hex digest of the normalised text", () => {
    // sha256("abc"), a published test vector.
    expect(hashContent("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashContent("  a\n\n b ")).toBe(hashContent("a b"));
  });

  it("recognises the same text despite line endings, spacing and Unicode form", () => {
    const variant = fixture.replace(/\n/g, "\r\n").replace(/ /g, "  ").normalize("NFD");
    expect(hashContent(variant)).toBe(hashContent(fixture));
    expect(hashContent(normaliseText(fixture))).toBe(hashContent(fixture));
  });

  it("ignores invisible characters but not case or punctuation", () => {
    expect(hashContent("Krem\u00ADlin\u200B said")).toBe(hashContent("Kremlin said"));
    expect(hashContent("Kremlin said")).not.toBe(hashContent("kremlin said"));
    expect(hashContent("Kremlin said.")).not.toBe(hashContent("Kremlin said"));
  });

  it("distinguishes a one-word edit", () => {
    expect(hashContent(fixture.replace("mysterious", "secret"))).not.toBe(hashContent(fixture));
  });
});

describe("normaliseForHash", () => {
  it("folds whitespace including non-breaking spaces", () => {
    expect(normaliseForHash(" first\u00A0 reported\n\non ")).toBe("first reported on");
  });
});
