import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticleFromHtml } from "./extract-html";

const newsPage = readFileSync(new URL("./__fixtures__/news-page.html", import.meta.url), "utf8");

const LONG_PARAGRAPH =
  "Officials said on Tuesday that the regional budget, which had been delayed for months, would finally be debated, and that the vote could come as early as next week.";

function page(head: string, body: string): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

describe("extractArticleFromHtml on a full news page", () => {
  const article = extractArticleFromHtml(newsPage, "https://www.businessinsider.com/some/path?utm=1");

  it("reads metadata, preferring JSON-LD and canonical links", () => {
    expect(article.title).toBe(
      "Putin is forming mysterious private armies across Russia to protect himself from Wagner soldiers, report says",
    );
    expect(article.author).toBe("Alia Shoaib, Second Writer");
    expect(article.outlet).toBe("Business Insider");
    expect(article.url).toBe("https://www.businessinsider.com/putin-private-armies-2023-7");
    expect(article.publishedAt).toBe("2023-07-19T12:12:00.000Z");
    expect(article.excerpt).toBe("Russian President Vladimir Putin is forming private militias across Russia.");
  });

  it("returns plain text paragraphs with headings and list items on their own", () => {
    const paragraphs = article.text.split("\n\n");
    expect(paragraphs).toContain("Russian President Vladimir Putin is forming private militias across Russia.");
    expect(paragraphs).toContain("They appear to be a defense against a possible coup against the Russian leader.");
    expect(paragraphs).toContain("A threat from within");
    expect(paragraphs).toContain(
      "The move is aimed at countering sabotage and internal threats, according to a statement by Duma defense committee chairman Andrey Kartapolov.",
    );
    expect(article.text).toContain("regional governors would command the units & the ministry would arm them.");
  });

  it("never returns markup, scripts, handlers, tracking or page chrome", () => {
    for (const leak of ["<", ">", "alert", "steal", "track", "dataLayer", "color: red", "cookies", "Copyright", "Politics", "Most popular"]) {
      expect(article.text).not.toContain(leak);
    }
  });

  it("does not repeat the headline inside the text", () => {
    expect(article.text.startsWith("Putin is forming")).toBe(false);
  });
});

describe("extractArticleFromHtml metadata fallbacks", () => {
  it("uses og: and article: tags when there is no JSON-LD", () => {
    const html = page(
      `<meta property="og:title" content="OG headline"><meta property="og:site_name" content="The Outlet">
       <meta name="author" content="By Jane Doe"><meta property="article:published_time" content="2024-02-01T08:30:00">
       <meta property="og:url" content="/news/og">`,
      `<article><p>${LONG_PARAGRAPH}</p></article>`,
    );
    const article = extractArticleFromHtml(html, "https://outlet.example/news/og?ref=x");
    expect(article).toMatchObject({
      title: "OG headline",
      outlet: "The Outlet",
      author: "Jane Doe",
      url: "https://outlet.example/news/og",
      publishedAt: "2024-02-01T08:30:00.000Z",
    });
  });

  it("falls back to <title> without the site suffix, and the host as outlet", () => {
    const html = page(
      `<title>Budget vote delayed - Daily Planet</title><meta name="application-name" content="Daily Planet">`,
      `<p>${LONG_PARAGRAPH}</p>`,
    );
    const article = extractArticleFromHtml(html);
    expect(article.title).toBe("Budget vote delayed");
    expect(article.outlet).toBe("Daily Planet");
    expect(article.url).toBeNull();
    expect(extractArticleFromHtml(page("<title>T</title>", "<p>x</p>"), "https://www.planet.example/a").outlet).toBe(
      "planet.example",
    );
  });

  it("reads a top-level JSON-LD array with a string author and tolerates bad JSON", () => {
    const html = page(
      `<script type="application/ld+json">{ not json</script>
       <script type="application/ld+json">[{"@type":"Organization","name":"Org"},
         {"@type":"ReportageNewsArticle","headline":"Line one
         line two","author":"Ann Lee","publisher":"Wire Service","datePublished":"2021-05-04"}]</script>`,
      `<p>${LONG_PARAGRAPH}</p>`,
    );
    const article = extractArticleFromHtml(html);
    expect(article.title).toBe("Line one line two");
    expect(article.author).toBe("Ann Lee");
    expect(article.outlet).toBe("Wire Service");
    expect(article.publishedAt).toBe("2021-05-04T00:00:00.000Z");
  });

  it("reads an author object and ignores profile URLs in article:author", () => {
    const html = page(
      `<meta property="article:author" content="https://facebook.com/someone">
       <script type="application/ld+json">{"@type":"https://schema.org/Article","headline":"H","author":{"@type":"Person","name":"Obj Author"}}</script>`,
      `<p>${LONG_PARAGRAPH}</p>`,
    );
    expect(extractArticleFromHtml(html).author).toBe("Obj Author");
    const urlOnly = page(`<meta property="article:author" content="https://facebook.com/someone">`, `<p>${LONG_PARAGRAPH}</p>`);
    expect(extractArticleFromHtml(urlOnly).author).toBeNull();
  });

  it("returns null for unparseable dates and falls back to the first paragraph for the excerpt", () => {
    const html = page(`<meta property="article:published_time" content="last Tuesday">`, `<p>${LONG_PARAGRAPH}</p>`);
    const article = extractArticleFromHtml(html);
    expect(article.publishedAt).toBeNull();
    expect(article.excerpt).toBe(LONG_PARAGRAPH);
  });
});

describe("extractArticleFromHtml robustness", () => {
  it("reads broken markup without html/body and with unclosed tags", () => {
    const article = extractArticleFromHtml(`<p>First <b>bold<p>Second</div></span><li>Point`);
    expect(article.text).toBe("First bold\n\nSecond\n\nPoint");
  });

  it("falls back to the body text when Readability finds no article", () => {
    const html = page("", `<nav>Menu Home</nav><div>Short note.</div><footer>Footer links</footer>`);
    expect(extractArticleFromHtml(html).text).toBe("Short note.");
  });

  it("keeps page text when everything sits in page chrome", () => {
    expect(extractArticleFromHtml(page("", "<header>Only a header line</header>")).text).toBe("Only a header line");
  });

  it("returns empty text for empty or script-only input", () => {
    expect(extractArticleFromHtml("").text).toBe("");
    expect(extractArticleFromHtml("<script>alert(1)</script><style>b{}</style>").text).toBe("");
  });

  it("drops hidden elements and keeps line breaks and table cells readable", () => {
    const html = page(
      "",
      `<p>Line one<br>Line two</p><p hidden>Hidden</p><p aria-hidden="true">Aria hidden</p>
       <table><tr><th>Year</th><th>Votes</th></tr><tr><td>2020</td><td>41%</td></tr></table>`,
    );
    expect(extractArticleFromHtml(html).text).toBe("Line one\nLine two\n\nYear Votes\n\n2020 41%");
  });

  it("keeps escaped angle brackets as literal text, not as markup", () => {
    const html = page("", `<p>If a &lt; b then the &lt;b&gt; tag is not bold.</p>`);
    expect(extractArticleFromHtml(html).text).toBe("If a < b then the <b> tag is not bold.");
  });

  it("survives very deep nesting", () => {
    const deep = `${"<div>".repeat(5000)}Deep text${"</div>".repeat(5000)}`;
    expect(extractArticleFromHtml(deep).text).toBe("Deep text");
  });

  it("reads a page of more elements than Readability's limit without Readability", () => {
    // Readability's own limit (maxElemsToParse) counts getElementsByTagName("*"), which is empty
    // under linkedom: it never fired, and Readability ran for minutes on huge pages. Readability
    // would drop this sidebar (its class says so); the body text that replaces it keeps it.
    // (The article is over Readability's 500 characters, so its first pass, sidebar dropped, stands.)
    const article = `<article><h1>Title</h1>${`<p>${LONG_PARAGRAPH}</p>`.repeat(4)}</article>`;
    const withSidebar = (spans: number) => page("", `${article}<div class="sidebar">${"<span>w </span>".repeat(spans)}</div>`);
    const huge = extractArticleFromHtml(withSidebar(30_001)).text;
    expect(huge).toContain(LONG_PARAGRAPH);
    expect(huge).toContain("w w w w");
    expect(extractArticleFromHtml(withSidebar(100)).text).not.toContain("w w w w");
  });
});
