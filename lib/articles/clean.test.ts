import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyCleaning, findDebris, listLines, removeAllDebris } from "./clean";
import { normaliseText } from "./normalise";

const fixture = readFileSync(new URL("../../prisma/fixtures/putin-private-armies.txt", import.meta.url), "utf8");

describe("findDebris on the Business Insider fixture", () => {
  const text = normaliseText(fixture);
  const flagged = findDebris(text);
  const lines = listLines(text);

  it("flags both Oops blocks and the syndication line", () => {
    expect(flagged.map(({ text: line, reason }) => [line, reason])).toEqual([
      ["• Oops!", "error-message"],
      ["Something went wrong.", "error-message"],
      ["Please try again later.", "error-message"],
      ["• Oops!", "error-message"],
      ["Something went wrong.", "error-message"],
      ["Please try again later.", "error-message"],
      ["Read the original article on Business Insider", "syndication"],
    ]);
  });

  it("flags no real article sentence", () => {
    const flaggedIndexes = new Set(flagged.map((line) => line.index));
    const article = lines.filter((line) => !flaggedIndexes.has(line.index));
    expect(article).toHaveLength(18);
    expect(article.every((line) => !/Oops|Something went wrong|try again|original article/.test(line.text))).toBe(true);
  });

  it("reports offsets that point at the flagged text", () => {
    for (const line of flagged) expect(text.slice(line.start, line.end)).toBe(line.text);
    expect(flagged[0]?.label).toBe("Page error message");
  });

  it("cleans to clean paragraphs, keeping key points without their bullets", () => {
    const cleaned = applyCleaning(text, flagged.map((line) => line.index));
    const paragraphs = cleaned.split("\n\n");
    expect(paragraphs.slice(0, 5)).toEqual([
      "Putin is forming mysterious private armies across Russia to protect himself from Wagner soldiers, report says",
      "Russian President Vladimir Putin is forming private militias across Russia.",
      "They appear to be a defense against a possible coup against the Russian leader.",
      "The Wagner Group rebellion, led by Yevgeny Prigozhin, exposed serious gaps in Putin's defenses.",
      "Russian President Vladimir Putin is forming a network of mysterious private military companies across Russia to protect himself from another Wagner uprising.",
    ]);
    expect(paragraphs.at(-1)).toMatch(/^Russia's faltering invasion/);
    expect(cleaned).not.toMatch(/Oops|•|Business Insider$/);
    expect(removeAllDebris(fixture)).toBe(cleaned);
  });

  it("keeps every word of the kept lines", () => {
    const cleaned = applyCleaning(text, flagged.map((line) => line.index));
    const words = (value: string): string[] => value.replace(/[•]/g, " ").split(/\s+/).filter(Boolean);
    const keptLines = lines.filter((line) => !flagged.some((f) => f.index === line.index));
    expect(words(cleaned)).toEqual(keptLines.flatMap((line) => words(line.text)));
  });
});

describe("findDebris rules", () => {
  const reasonOf = (line: string): string | undefined => findDebris(`Real sentence here.\n\n${line}`)[0]?.reason;

  it.each([
    ["Advertisement", "advertisement"],
    ["ADVERTISEMENT - SCROLL TO CONTINUE", "advertisement"],
    ["Sign up for our daily newsletter", "newsletter"],
    ["Subscribe", "newsletter"],
    ["Share this article", "social-buttons"],
    ["Facebook Twitter LinkedIn Email", "social-buttons"],
    ["Click here to read the full report", "click-here"],
    ["We use cookies to personalise content and ads.", "cookie-notice"],
    ["Accept all cookies", "cookie-notice"],
    ["Recommended", "recommended"],
    ["Read more:", "recommended"],
    ["READ MORE: Wagner chief's jet crashes", "recommended"],
    ["•", "lone-bullet"],
    ["* * *", "lone-bullet"],
    ["Image: Getty Images", "photo-credit"],
    ["Vladimir Putin at the Kremlin on Tuesday. Mikhail Metzel/Getty Images", "photo-credit"],
    ["(AP Photo/Alexander Zemlianichenko)", "photo-credit"],
    ["Story continues below", "continues-below"],
    ["Article continues below advertisement", "continues-below"],
    ["Skip to main content", "page-chrome"],
    ["This article originally appeared on The Conversation.", "syndication"],
  ])("flags %j as %s", (line, reason) => {
    expect(reasonOf(line)).toBe(reason);
  });

  it.each([
    "The EU requires websites to ask users before they accept cookies.",
    "He urged followers to subscribe to his newsletter, officials said.",
    "Advertisement revenue fell 12% in the quarter.",
    "Click rates were not disclosed.",
    "The photo was licensed from Getty Images.",
    "Something went wrong with the launch, the ministry admitted.",
    "Read the statement below.",
    "Share prices fell sharply on Monday.",
    "— Nobody expected it, he said.",
    "1. The first demand was a ceasefire.",
  ])("does not flag the sentence %j", (line) => {
    expect(reasonOf(line)).toBeUndefined();
  });

  it("flags later copies of a repeated line but not the first, nor short repeats", () => {
    const text = "Q:\nA pull quote that is repeated on the page.\n\nQ:\nA pull quote that is repeated on the page.";
    expect(findDebris(text).map((line) => [line.index, line.reason])).toEqual([[3, "repeated-line"]]);
  });
});

describe("applyCleaning", () => {
  it("removes only the confirmed indexes: the editor may keep a flagged line", () => {
    const text = "Story text.\n\nAdvertisement\n\nMore story.\n\nRead more: Other";
    expect(findDebris(text).map((line) => line.index)).toEqual([1, 3]);
    expect(applyCleaning(text, [1])).toBe("Story text.\n\nMore story.\n\nRead more: Other");
  });

  it("normalises line endings, trailing spaces and blank-line runs without touching words", () => {
    expect(applyCleaning("One  two \r\n\r\n\r\n\r\nthree\u0301 ", [])).toBe("One  two\n\nthreé");
  });

  it("keeps hard-wrapped lines together and splits bullet items into paragraphs", () => {
    const text = "First line\nwrapped line\n- point one\n  continued\n- point two\nAfter the list";
    expect(applyCleaning(text, [])).toBe("First line\nwrapped line\n\npoint one\ncontinued\n\npoint two\n\nAfter the list");
  });

  it("ignores unknown indexes", () => {
    expect(applyCleaning("a\n\nb", [7, -1])).toBe("a\n\nb");
  });
});
