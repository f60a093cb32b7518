import { describe, expect, it } from "vitest";
import { nestFormatting } from "@/tests/pathological-inputs";
import { buildDocument, parseHtml, parseHtmlDocument } from "./html-document";

describe("parseHtmlDocument", () => {
  it("builds a full document from a bare fragment", () => {
    const doc = parseHtmlDocument("<p>Hello <b>world");
    expect(doc.documentElement.nodeName).toBe("HTML");
    expect(doc.body.innerHTML).toBe("<p>Hello <b>world</b></p>");
  });

  it("puts an implied <title> in the head and text in the body", () => {
    const doc = parseHtmlDocument("<!doctype html><title>T</title><p>para");
    expect(doc.querySelector("head title")?.textContent).toBe("T");
    expect(doc.body.textContent).toBe("para");
  });

  it("accepts plain text and empty input", () => {
    expect(parseHtmlDocument("just text").body.textContent).toBe("just text");
    expect(parseHtmlDocument("").body.childNodes.length).toBe(0);
  });

  it("repairs misnested tables the way browsers do", () => {
    const doc = parseHtmlDocument("<table><tr><td>a<p>b</table>after");
    expect(doc.querySelectorAll("td")).toHaveLength(1);
    expect(doc.body.textContent).toBe("abafter");
  });

  it("reads <noscript> content as markup and keeps a template's content", () => {
    const doc = parseHtmlDocument("<p>Start</p><noscript><p>No script</p></noscript><template><p>Later</p></template>");
    expect(doc.querySelector("noscript p")?.textContent).toBe("No script");
    expect(doc.querySelector("template")?.textContent).toBe("Later");
  });

  it("measures the nesting depth and the number of elements", () => {
    expect(parseHtml("<div><p>a <b>b</b></p></div>")).toMatchObject({ depth: 5, elementCount: 6 });
    expect(parseHtml("<div>".repeat(1_000))).toMatchObject({ depth: 1_002, elementCount: 1_003 });
  });

  it("builds a deeply nested page in about the time of a flat one of the same size", () => {
    // Re-parsing parse5's output with linkedom's own parser cost time quadratic in the depth:
    // 120,000 nested elements took 5 to 30 times as long as 120,000 side by side.
    const deep = parseHtml(nestFormatting(60_000));
    const flat = parseHtml(`${"<b></b><i></i>".repeat(60_000)}x`);
    expect(deep.elementCount).toBe(flat.elementCount);
    const time = (parsed: typeof deep): number => {
      const started = performance.now();
      buildDocument(parsed);
      return performance.now() - started;
    };
    time(flat);
    const deepMs = Math.min(time(deep), time(deep));
    const flatMs = Math.min(time(flat), time(flat));
    expect(deepMs / flatMs).toBeLessThan(3);
  });
});
