import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readPassages } from "./article";
import { suggestClaims, type Suggestion } from "./suggest";

// Real news pages as text (see __fixtures__/README.md for where they come from).
function readPage(name: string): string {
  return readFileSync(resolve(process.cwd(), `lib/claims/suggest/__fixtures__/${name}.txt`), "utf8");
}

function find(suggestions: Suggestion[], prefix: string): Suggestion {
  const found = suggestions.find((s) => s.sentence.startsWith(prefix));
  if (!found) throw new Error(`No passage starts with ${prefix}`);
  return found;
}

/** How many of the page's paragraphs hold at least one suggestion. */
function countSuggestedParagraphs(text: string, suggestions: Suggestion[]): { suggested: number; paragraphs: number } {
  const starts = Array.from(text.matchAll(/[^\n]+/g), (m) => m.index ?? 0);
  const suggested = new Set(suggestions.filter((s) => s.isCheckWorthy).map((s) => starts.filter((at) => at <= s.start).length));
  return { suggested: suggested.size, paragraphs: starts.length };
}

describe("suggestions on the BBC page of issue 17", () => {
  const text = readPage("bbc-1");
  const suggestions = suggestClaims(text);

  it("does not suggest the photo captions, although the model scores one high", () => {
    const caption = find(suggestions, "The president said he would continue fighting for greater gun control laws");
    expect(caption.score).toBeGreaterThan(0.5);
    expect(caption.isCheckWorthy).toBe(false);
    expect(caption.skipped).toBe("label");
    expect(find(suggestions, "Kenya is getting ready to welcome the US president").isCheckWorthy).toBe(false);
  });

  it("does not suggest the lead-in ending in a colon, but reads the list it opens", () => {
    const leadIn = find(suggestions, "In a wide-ranging interview, President Obama also said:");
    expect(leadIn).toMatchObject({ isCheckWorthy: false, skipped: "lead-in" });
    expect(find(suggestions, "Despite racial tensions, the US is becoming more diverse").skipped).toBeNull();
    expect(find(suggestions, "Analysis: Jon Sopel, BBC News, Washington").skipped).toBe("label");
  });

  it("does not suggest pure opinion, recommendations or reported promises", () => {
    for (const opinion of [
      "The UK must stay in the EU to have influence on the world stage",
      "He would defend his advocacy of gay rights following protests in Kenya",
      "He is confident the Iran nuclear deal will be passed by Congress",
    ]) {
      expect(find(suggestions, opinion)).toMatchObject({ isCheckWorthy: false, skipped: "opinion" });
    }
  });

  it("keeps a quote over two sentences as one suggestion", () => {
    const quote = find(suggestions, '"If you look at the number of Americans killed since 9/11');
    expect(quote.sentence).toBe(
      '"If you look at the number of Americans killed since 9/11 by terrorism, it\'s less than 100. If you look at the number that have been killed by gun violence, it\'s in the tens of thousands," Mr Obama said.',
    );
    expect(quote.isCheckWorthy).toBe(true);
    expect(suggestions.filter((s) => s.sentence.startsWith("If you look at the number"))).toEqual([]);
    expect(text.slice(quote.start, quote.end)).toBe(quote.sentence);
  });

  it("counts numbers written as words as figures and tags places as places", () => {
    expect(find(suggestions, "After nine African-American churchgoers").reasons).toContain("contains a figure (nine)");
    const louisiana = find(suggestions, "Hours after the interview, a gunman opened fire");
    expect(louisiana.reasons).toContain("contains a figure (two)");
    expect(louisiana.reasons).toContain("names places (US, Louisiana)");
    const sopel = find(suggestions, "He vowed to keep trying");
    expect(sopel.reasons).toEqual(expect.arrayContaining(["names a person (Jon Sopel)", "names an organisation (BBC)", "names a place (North America)"]));
  });

  it("suggests fewer than half of the page's paragraphs", () => {
    // 22 of 42 before issue 17's fixes.
    const { suggested, paragraphs } = countSuggestedParagraphs(text, suggestions);
    expect(paragraphs).toBe(42);
    expect(suggested).toBeLessThanOrEqual(18);
  });
});

describe("suggestions on other news pages", () => {
  it("does not suggest a New York Times caption that ends with its credit line", () => {
    const suggestions = suggestClaims(readPage("nytimes-1"));
    const caption = find(suggestions, "United Nations peacekeepers at a refugee camp in Sudan on Monday.");
    expect(caption).toMatchObject({ isCheckWorthy: false, skipped: "caption" });
    expect(find(suggestions, "In exchange for the lifting of United States trade sanctions").skipped).toBe("caption");
  });

  it("does not suggest Guardian captions that describe a picture's parts", () => {
    const suggestions = suggestClaims(readPage("guardian-1"));
    expect(find(suggestions, "Clockwise from top: small whale bones").skipped).toBe("caption");
    expect(find(suggestions, "Above, the skull of a bryde’s whale").skipped).toBe("caption");
    expect(find(suggestions, "Buck Cullen with his daughter Kaiarahi").skipped).toBe("label");
  });

  it("leaves the dateline out of the first sentence and skips credits and bylines", () => {
    const text = readPage("wapo-1");
    const suggestions = suggestClaims(text);
    const first = find(suggestions, "Gunmen opened fire on visitors at Tunisia’s most renowned museum");
    expect(text.slice(0, first.start)).toBe("CAIRO — ");
    expect(first.isCheckWorthy).toBe(true);
    expect(find(suggestions, "Gunmen in military uniforms stormed Tunisia's national museum").skipped).toBe("caption");
    expect(find(suggestions, "Heba Habib contributed to this report.").skipped).toBe("byline");
    expect(find(suggestions, "Tunisia sends most foreign fighters to Islamic State in Syria").isCheckWorthy).toBe(false);
  });

  it("skips a CNN dateline line and the ranked list's bare names", () => {
    const suggestions = suggestClaims(readPage("cnn"));
    expect(find(suggestions, "CNNMoney (New York) First published February 1, 2016").skipped).toBe("dateline");
    expect(find(suggestions, "Germany").isCheckWorthy).toBe(false);
  });

  it("does not suggest a question, even one the model scores high", () => {
    // The BBC page's figure, asked: the model alone would suggest it.
    const [question] = suggestClaims("How many Americans were killed since 9/11 by terrorism?");
    expect(question.score).toBeGreaterThan(0.5);
    expect(question).toMatchObject({ isCheckWorthy: false, skipped: "question" });
  });
});

describe("readPassages", () => {
  it("keeps exact offsets, also for a trimmed dateline and a grouped quote", () => {
    const text = "NAIROBI, Kenya — Prices rose 5%.\n\n“It is bad. It is worse,” she said. Then it fell.";
    const passages = readPassages(text);
    expect(passages.map((p) => p.text)).toEqual(["Prices rose 5%.", "“It is bad. It is worse,” she said.", "Then it fell."]);
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(passages[1].sentences).toHaveLength(2);
  });
});
