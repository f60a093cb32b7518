import { describe, expect, it } from "vitest";
import { readArticleLead, readDateLine } from "./lead-lines";
import { previewImport } from "./preview";

const FIRST = "The US Senate has passed a $14bn emergency relief package for communities hit by last month's floods, after a debate that ran through the night.";
const SECOND = "The bill passed by 62 votes to 36, with nine Republicans joining Democrats to support it.";

/** Reads a paste as the import wizard does. */
function paste(text: string) {
  const result = previewImport({ kind: "paste", text });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const firstParagraph = (text: string) => text.split("\n\n")[0];

describe("pasted articles with a byline and a date line", () => {
  it("reads a BBC-style paste: date, share buttons, name and desk on lines of their own", () => {
    const preview = paste(`Senate passes emergency flood relief bill after all-night session

2 December 2026

Share

Save

Jane Smith
BBC News, Washington

${FIRST}

${SECOND}`);
    expect(preview).toMatchObject({ title: "Senate passes emergency flood relief bill after all-night session", author: "Jane Smith", publishedAt: "2026-12-02" });
    // The share buttons stay for the editor to review (struck out as debris); the byline and date are gone.
    expect(preview.text).toBe(`Share\n\nSave\n\n${FIRST}\n\n${SECOND}`);
    expect(preview.debris.map((line) => line.text)).toEqual(["Share", "Save"]);
  });

  it("reads a BBC-style one-line byline with the outlet", () => {
    const preview = paste(`Flood relief bill passes Senate\n\nJane Smith, BBC News\n\n${FIRST}\n\n${SECOND}`);
    expect(preview).toMatchObject({ author: "Jane Smith", outlet: "BBC News" });
    expect(firstParagraph(preview.text)).toBe(FIRST);
  });

  it("reads an NYT-style paste: standfirst kept, byline, reporting line, date and update time dropped", () => {
    const standfirst = "The $14 billion package now heads to the House, where its fate is uncertain.";
    const preview = paste(`Senate Passes Flood Relief Bill After All-Night Session

${standfirst}

By Jane Smith and Carl Hulse

Reporting from Washington

Dec. 2, 2026

Updated 9:14 a.m. ET

${FIRST}`);
    expect(preview).toMatchObject({ title: "Senate Passes Flood Relief Bill After All-Night Session", author: "Jane Smith and Carl Hulse", publishedAt: "2026-12-02" });
    expect(preview.text).toBe(`${standfirst}\n\n${FIRST}`);
  });

  it("reads an AP-style paste: capitalised byline, update line; the dateline inside the first paragraph stays", () => {
    const opening = `WASHINGTON (AP) — ${FIRST}`;
    const preview = paste(`Senate passes flood relief bill after all-night session\n\nBy JANE SMITH\n\nUpdated 9:14 AM GMT, December 2, 2026\n\n${opening}\n\n${SECOND}`);
    expect(preview).toMatchObject({ author: "Jane Smith", publishedAt: "2026-12-02" });
    expect(firstParagraph(preview.text)).toBe(opening);
  });

  it("drops a dateline standing on its own line", () => {
    const preview = paste(`Senate passes flood relief bill\n\nBy Jane Smith\n\nWASHINGTON (AP) —\n\n${FIRST}`);
    expect(preview.text).toBe(FIRST);
  });

  it("reads a Guardian-style paste: 'Name in Place', published before last modified", () => {
    const preview = paste(`Senate passes $14bn flood relief bill after all-night session

Jane Smith in Washington

Tue 2 Dec 2026 09.14 GMT

Last modified on Wed 3 Dec 2026 11.02 GMT

${FIRST}`);
    expect(preview).toMatchObject({ author: "Jane Smith", publishedAt: "2026-12-02" });
    expect(preview.text).toBe(FIRST);
  });

  it("reads a relative date against the time of the import", () => {
    const now = new Date("2026-12-02T01:30:00Z");
    expect(readArticleLead(`Published 3 hours ago\n\nBy Jane Smith\n\n${FIRST}`, now)).toEqual({ author: "Jane Smith", outlet: null, publishedAt: "2026-12-01", text: FIRST });
    expect(readDateLine("2 days ago", now)).toBe("2026-11-30");
    expect(readDateLine("Yesterday", now)).toBe("2026-12-01");
  });

  it("leaves article text alone: sentences that open with 'By' or a name, and dates inside sentences", () => {
    const text = [
      "By the time the vote came, most senators had been in the chamber for 20 hours.",
      "Jane Smith, a nurse from Hazard, said she had lost everything.",
      "On 2 December 2026 the bill passed.",
    ].join("\n\n");
    expect(paste(`Flood relief bill passes\n\n${text}`)).toMatchObject({ author: null, publishedAt: null, text });
  });

  it("does not read a byline or a date further down the article", () => {
    const text = `${FIRST}\n\n${SECOND}\n\nBy Jane Smith\n\n2 December 2026`;
    expect(paste(`Flood relief bill passes\n\n${text}`)).toMatchObject({ author: null, publishedAt: null, text });
  });

  it("refuses impossible dates", () => {
    expect(readDateLine("31 February 2026", new Date())).toBeNull();
  });
});
