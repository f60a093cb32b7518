import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseHtml, buildDocument } from "./html-document";
import { removePageFurniture } from "./page-furniture";
import { previewImport } from "./preview";

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");

/** A saved page read as the import wizard reads an uploaded .html file. */
function importPage(name: string) {
  const result = previewImport({ kind: "file", name, bytes: new TextEncoder().encode(fixture(name)) });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** The text that would be imported with every flagged debris line removed, as the review step does by default. */
function importedLines(preview: ReturnType<typeof importPage>): string[] {
  const flagged = new Set(preview.debris.map((line) => line.text));
  return preview.text.split(/\n+/).filter((line) => !flagged.has(line));
}

describe("HTML import drops page furniture", () => {
  it.each([
    ["bbc-style-article.html", "The bill passed by 62 votes to 36", ["Getty Images", "Image caption", "Senators left the chamber", "Floodwater in Hazard", "ShareSave", "Share", "Related", "Floods: What we know so far", "More on this story", "We lost everything in an hour", "Sign up for our US Politics Unspun newsletter", "Read the full transcript", "US Congress", "Jane Smith", "2 December 2026"]],
    ["nyt-style-article.html", "The vote, 62 to 36, came after an all-night session", ["Kenny Holston", "Senators voted 62 to 36 early Tuesday", "Share full article", "Related Content", "Floods Swamp Eastern Kentucky", "Sign up for the On Politics newsletter", "Get it sent to your inbox", "Read the full transcript", "A version of this article appears in print", "Reporting from Washington", "Updated 9:14"]],
    ["guardian-style-article.html", "The bill passed by 62 votes to 36", ["Photograph:", "Senators leave the chamber", "Floodwater in Hazard", "Related:", "Kentucky towns count the cost", "Sign up to This Week in Trumpland", "Free weekly newsletter", "Privacy Notice", "More on this story", "Reuse this content", "Last modified", "Tue 2 Dec 2026"]],
  ])("%s: the article's paragraphs, none of its furniture", (name, paragraph, furniture) => {
    const lines = importedLines(importPage(name));
    expect(lines.some((line) => line.startsWith(paragraph))).toBe(true);
    expect(lines.some((line) => line.includes("discharge petition"))).toBe(true);
    for (const piece of furniture) expect(lines.filter((line) => line.includes(piece))).toEqual([]);
  });

  it("keeps the metadata the page's furniture carried", () => {
    expect(importPage("bbc-style-article.html")).toMatchObject({ author: "Jane Smith", publishedAt: "2026-12-02", outlet: "BBC News" });
    expect(importPage("nyt-style-article.html")).toMatchObject({ author: "Jane Smith and Carl Hulse", publishedAt: "2026-12-02" });
  });

  it("keeps figures that hold text (a table, a quotation) and boxes too large to be widgets", () => {
    const doc = buildDocument(parseHtml(`<html><body><article>
      <figure><table><tr><td>Votes for</td><td>62</td></tr></table><figcaption>The roll call</figcaption></figure>
      <div class="related-coverage-and-analysis"><p>${"A long analysis paragraph that is the article itself. ".repeat(50)}</p></div>
      <div class="byline">By Jane Smith</div>
    </article></body></html>`));
    removePageFurniture(doc, { hasAuthor: false });
    const text = doc.body?.textContent ?? "";
    expect(text).toContain("Votes for");
    expect(text).toContain("The roll call");
    expect(text).toContain("A long analysis paragraph");
    // Without an author from the page's metadata, the byline box is the only record of one.
    expect(text).toContain("By Jane Smith");
  });
});
