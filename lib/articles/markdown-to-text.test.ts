import { describe, expect, it } from "vitest";
import { convertMarkdownToText } from "./markdown-to-text";

describe("convertMarkdownToText", () => {
  it("lifts a leading # Title and keeps the words of the body", () => {
    const result = convertMarkdownToText("# Putin's *private* armies\n\nRussian **President** Vladimir Putin is forming militias.");
    expect(result.title).toBe("Putin's private armies");
    expect(result.text).toBe("Russian President Vladimir Putin is forming militias.");
  });

  it("lifts a setext title and a front-matter title", () => {
    expect(convertMarkdownToText("Headline\n========\n\nBody.").title).toBe("Headline");
    const withFrontMatter = convertMarkdownToText('---\ntitle: "Front title"\nauthor: A\n---\n\nBody text.');
    expect(withFrontMatter).toEqual({ title: "Front title", text: "Body text." });
  });

  it("returns a null title when the document does not start with a level-1 heading", () => {
    const result = convertMarkdownToText("Intro line.\n\n# Later heading\n\n## Sub");
    expect(result.title).toBeNull();
    expect(result.text).toBe("Intro line.\n\nLater heading\n\nSub");
  });

  it("strips inline syntax but keeps link text, code and escaped characters", () => {
    const result = convertMarkdownToText(
      "A [report](https://example.com \"t\") by _Sokov_, ~~not~~ `code & more`, \\*starred\\*, file_name_here & AT&amp;T ![chart](c.png).",
    );
    expect(result.text).toBe("A report by Sokov, not code & more, *starred*, file_name_here & AT&T .");
  });

  it("joins soft-wrapped lines and keeps hard breaks", () => {
    expect(convertMarkdownToText("one\ntwo  \nthree").text).toBe("one two\nthree");
  });

  it("puts list items, quotes, table rows and code blocks in their own paragraphs", () => {
    const markdown = [
      "- first point",
      "- second **point**",
      "  continued",
      "",
      "1. numbered",
      "",
      "> quoted line",
      "> more",
      "",
      "| Year | Votes |",
      "|------|-------|",
      "| 2020 | 41% |",
      "",
      "```js",
      "const x = 1;",
      "```",
      "",
      "---",
      "",
      "- [x] done task",
    ].join("\n");
    expect(convertMarkdownToText(markdown).text.split("\n\n")).toEqual([
      "first point",
      "second point continued",
      "numbered",
      "quoted line more",
      "Year Votes",
      "2020 41%",
      "const x = 1;",
      "done task",
    ]);
  });

  it("reads HTML blocks as text and drops reference definitions and footnote markers", () => {
    const markdown = "<div>Block <b>html</b><script>x()</script></div>\n\nSee [the bill][bill] here[^1].\n\n[bill]: https://example.com\n[^1]: Source note.";
    expect(convertMarkdownToText(markdown).text).toBe("Block html\n\nSee the bill here.\n\nSource note.");
  });

  it("returns empty text for syntax-only input", () => {
    expect(convertMarkdownToText("---\n\n![only](image.png)\n").text).toBe("");
  });
});
