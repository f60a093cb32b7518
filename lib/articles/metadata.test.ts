import { describe, expect, it } from "vitest";
import { parseHtmlDocument } from "./html-document";
import { convertToIsoDate, readPageMetadata } from "./metadata";

describe("convertToIsoDate", () => {
  it.each([
    ["2023-07-19T14:12:00+02:00", "2023-07-19T12:12:00.000Z"],
    ["2023-07-19T14:12:00", "2023-07-19T14:12:00.000Z"],
    ["2023-07-19 14:12", "2023-07-19T14:12:00.000Z"],
    ["2023-07-19", "2023-07-19T00:00:00.000Z"],
    ["Wed, 19 Jul 2023 14:12:00 GMT", "2023-07-19T14:12:00.000Z"],
  ])("reads %j", (input, expected) => {
    expect(convertToIsoDate(input)).toBe(expected);
  });

  it("rejects garbage and implausible years", () => {
    expect(convertToIsoDate("yesterday")).toBeNull();
    expect(convertToIsoDate("0001-01-01")).toBeNull();
  });
});

describe("readPageMetadata", () => {
  it("reads time[datetime] inside the article and decodes double-encoded entities", () => {
    const doc = parseHtmlDocument(
      `<head><meta property="og:title" content="Rock &amp;amp; roll &lt;b&gt;now&lt;/b&gt;"></head>
       <body><article><time datetime="2022-03-04T05:06:07Z">March 4</time></article></body>`,
    );
    expect(readPageMetadata(doc)).toMatchObject({ title: "Rock & roll now", publishedAt: "2022-03-04T05:06:07.000Z" });
  });

  it("falls back to the first <h1> and ignores non-http canonical links", () => {
    const doc = parseHtmlDocument(`<head><link rel="canonical" href="javascript:alert(1)"></head><body><h1> The  H1 </h1></body>`);
    expect(readPageMetadata(doc, "https://site.example/x")).toMatchObject({ title: "The H1", url: "https://site.example/x" });
  });

  it("cuts absurdly long values instead of failing on them", () => {
    const siteName = "Gazette ".repeat(150_000);
    const doc = parseHtmlDocument(`<head><title>Story - Gazette</title><meta property="og:site_name" content="${siteName}"></head>`);
    // A regex built from a megabyte-long site name was "too large" and failed the whole import.
    const metadata = readPageMetadata(doc);
    expect(metadata.title).toBe("Story - Gazette");
    expect(metadata.outlet?.length).toBeLessThanOrEqual(2_000);
    expect(metadata.outlet).toMatch(/^Gazette Gazette/);
  });

  it("returns nulls for a page without metadata", () => {
    expect(readPageMetadata(parseHtmlDocument("<p>x</p>"))).toEqual({
      title: null, author: null, outlet: null, url: null, publishedAt: null, excerpt: null,
    });
  });
});
