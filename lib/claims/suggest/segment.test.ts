import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { segmentSentences } from "./segment";

function split(text: string): string[] {
  return segmentSentences(text).map((s) => s.text);
}

describe("segmentSentences", () => {
  it("keeps exact offsets into the original text", () => {
    const text = "  First one.  Second “quoted” one!\n\n• Third\r\nFourth? ";
    const segments = segmentSentences(text);
    expect(segments.map((s) => s.text)).toEqual(["First one.", "Second “quoted” one!", "Third", "Fourth?"]);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("keeps a quote closed by an attribution as one sentence", () => {
    expect(split('"It can help against any new mutiny," said Sokov. Then he left.')).toEqual([
      '"It can help against any new mutiny," said Sokov.',
      "Then he left.",
    ]);
  });

  it("splits after a closing quote and before an opening quote", () => {
    expect(split('It was "a disgrace." He said. "Next time, we win."')).toEqual([
      'It was "a disgrace."',
      "He said.",
      '"Next time, we win."',
    ]);
  });

  it("does not split after titles, initials, dotted acronyms or month abbreviations", () => {
    expect(split("Sen. Warren met Dr. Li and John F. Kennedy Jr. in the U.S. Senate on Jan. 6.")).toHaveLength(1);
    expect(split("Gov. Newsom, Rep. Ocasio-Cortez, Mr. and Mrs. Smith and Ms. Lee of Acme Inc. agreed.")).toHaveLength(1);
    expect(split("Item No. 5 arrived at 9 a.m. Eastern, e.g. by truck, i.e. late, via St. Louis.")).toHaveLength(1);
  });

  it("splits after an ambiguous abbreviation when a sentence opener follows", () => {
    expect(split("Prices rose in the U.S. The Fed acted at 5 p.m. It was late.")).toEqual([
      "Prices rose in the U.S.",
      "The Fed acted at 5 p.m.",
      "It was late.",
    ]);
  });

  it("leaves decimals, money and ellipses followed by lower case alone", () => {
    expect(split("GDP grew 3.5% to $1.2 billion... and then fell. Next year is 2.0 times worse.")).toEqual([
      "GDP grew 3.5% to $1.2 billion... and then fell.",
      "Next year is 2.0 times worse.",
    ]);
  });

  it("never merges a line with the next one and drops bullet marks", () => {
    expect(split("Headline without a period\n  • Bullet one\n- Bullet two.\nBody text.")).toEqual([
      "Headline without a period",
      "Bullet one",
      "Bullet two.",
      "Body text.",
    ]);
  });

  it("splits the Business Insider fixture sensibly", () => {
    const text = readFileSync(resolve(process.cwd(), "prisma/fixtures/putin-private-armies.txt"), "utf8");
    const sentences = split(text);
    expect(sentences).toContain(
      '"They are a tool to enhance security [important given very active clandestine actions by Ukrainian military intelligence], and can, as necessary, help against any new mutiny," said Sokov.',
    );
    expect(sentences).toContain("Read the original article on Business Insider");
    expect(sentences).toContain("Oops!");
    expect(sentences.filter((s) => s.startsWith("The way the militias"))).toEqual([
      "The way the militias will interact with other branches of the military and intelligence apparatus isn't immediately clear.",
    ]);
    expect(sentences).toHaveLength(26);
  });
});
