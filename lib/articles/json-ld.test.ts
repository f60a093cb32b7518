import { describe, expect, it } from "vitest";
import { parseHtmlDocument } from "./html-document";
import { findJsonLdArticle } from "./json-ld";

const withJsonLd = (...scripts: string[]): Document =>
  parseHtmlDocument(`<html><head>${scripts.map((s) => `<script type="application/ld+json">${s}</script>`).join("")}</head></html>`);

describe("findJsonLdArticle", () => {
  it("finds a NewsArticle inside @graph and resolves @id author references", () => {
    const doc = withJsonLd(
      JSON.stringify({
        "@graph": [
          { "@type": "Person", "@id": "#p1", name: "Ref Person" },
          { "@type": "Organization", "@id": "#org", name: "The Paper" },
          {
            "@type": "NewsArticle",
            headline: "Headline",
            author: [{ "@id": "#p1" }, { name: "Inline Person" }, "Ref Person", "https://example.com/profile"],
            publisher: { "@id": "#org" },
            datePublished: "2024-01-02",
            url: "https://example.com/a",
            description: "Desc",
          },
        ],
      }),
    );
    expect(findJsonLdArticle(doc)).toEqual({
      headline: "Headline",
      author: "Ref Person, Inline Person",
      publisher: "The Paper",
      datePublished: "2024-01-02",
      url: "https://example.com/a",
      description: "Desc",
    });
  });

  it("accepts type arrays, prefixed types and a mainEntity nested in a WebPage", () => {
    const doc = withJsonLd(
      JSON.stringify({ "@type": "WebPage", mainEntity: { "@type": ["schema:ReportageNewsArticle"], name: "Nested", author: "A" } }),
    );
    expect(findJsonLdArticle(doc)).toMatchObject({ headline: "Nested", author: "A" });
  });

  it("skips broken scripts, HTML comments and non-article types", () => {
    const doc = withJsonLd("{ broken", '<!-- {"@type":"Recipe","name":"Soup"} -->', '{"@type":"BlogPosting","headline":"Post"}');
    expect(findJsonLdArticle(doc)?.headline).toBe("Post");
    expect(findJsonLdArticle(withJsonLd('{"@type":"Recipe","name":"Soup"}'))).toBeNull();
  });

  it("reads mainEntityOfPage when there is no url", () => {
    const doc = withJsonLd('{"@type":"Article","headline":"H","mainEntityOfPage":{"@id":"https://example.com/m"}}');
    expect(findJsonLdArticle(doc)?.url).toBe("https://example.com/m");
  });
});
