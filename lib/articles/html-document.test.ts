import { describe, expect, it } from "vitest";
import { parseHtmlDocument } from "./html-document";

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
});
