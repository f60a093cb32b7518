import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import type { FingerprintedReport } from "../model";
import { HYPERLINK_STATEMENT, SCRIPT_STATEMENT, exportReport, setUpReportArticle } from "../test-fixtures";
import { buildClaimReviews, renderReportClaimReview } from "./claimreview";
import { listCsvRows, renderReportCsv } from "./csv";
import { renderReportHtml } from "./html";
import { renderReportMarkdown } from "./markdown";
import { describeVerdictShares } from "./wording";

const db = setUpTestDatabase();
let report: FingerprintedReport;

beforeAll(async () => {
  const { team, articleId } = await setUpReportArticle(db);
  report = await exportReport(db, team.id, articleId, { includeComments: true });
});

describe("ClaimReview", () => {
  it("gives one ClaimReview per claim with a final verdict, each with every required and recommended field", () => {
    const reviews = buildClaimReviews(report, { reviewUrl: "https://desk.example/checks/armies" });

    expect(reviews.map((review) => review.claimReviewed)).toEqual(["The Duma bill lets firms keep private armies.", "Sokov doubts it will pass."]);
    for (const review of reviews) {
      expect(review).toMatchObject({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: expect.stringMatching(/^https:\/\/desk\.example\/checks\/armies#claim-\d+$/),
        claimReviewed: expect.any(String),
        datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        author: { "@type": "Organization", name: "Desk" },
        reviewRating: { "@type": "Rating", alternateName: expect.any(String) },
        itemReviewed: {
          "@type": "Claim",
          author: { "@type": "Person", name: "Jane Reporter" },
          datePublished: "2024-05-03",
          appearance: { url: "https://www.businessinsider.com/putin-private-armies", publisher: { name: "Business Insider" } },
        },
        isBasedOn: { identifier: `sha256:${report.fingerprint.value}` },
      });
    }
    expect(reviews[0].url).toBe("https://desk.example/checks/armies#claim-1");
    expect(reviews[0].reviewRating).toEqual({ "@type": "Rating", alternateName: "Accurate", ratingValue: 5, bestRating: 5, worstRating: 1 });
    expect(reviews[1].reviewRating).toEqual({ "@type": "Rating", alternateName: "Not checkable" });
    expect(reviews[1].reviewRating).not.toHaveProperty("ratingValue");
  });

  it("falls back to the article's address, and renders JSON that is safe inside a script element", () => {
    expect(buildClaimReviews(report)[0].url).toBe("https://www.businessinsider.com/putin-private-armies#claim-1");
    const withMarkup = { ...report, claims: report.claims.map((claim) => ({ ...claim, statement: "</script><b>x</b>" })) };
    const text = renderReportClaimReview(withMarkup);
    expect(text).not.toContain("<");
    expect(JSON.parse(text)[0].claimReviewed).toBe("</script><b>x</b>");
  });
});

describe("ClaimReview parties", () => {
  const person = (name: string) => ({ id: `person-${name}`, name, kind: "person" as const });
  /** Claim 1 (final, accurate) with its chain ending at `end` instead of the Duma bill. */
  const withChainEnd = (end: FingerprintedReport["claims"][number]["citations"][number]["source"]): FingerprintedReport => ({
    ...report,
    claims: report.claims.map((claim) => claim.number !== 1 ? claim : {
      ...claim,
      citations: claim.citations.map((citation) => (citation.source.name === "Duma bill" ? { ...citation, source: end } : citation)),
    }),
  });

  it("names the quoted person as the claim's author when the claim is attributed, not the outlet that relays it", () => {
    const [attributed, unattributed] = buildClaimReviews(withChainEnd(person("Andrey Kartapolov")));
    expect(attributed.itemReviewed.author).toEqual({ "@type": "Person", name: "Andrey Kartapolov" });
    expect(attributed.itemReviewed.appearance).toMatchObject({ url: "https://www.businessinsider.com/putin-private-armies", publisher: { "@type": "Organization", name: "Business Insider" } });
    expect(unattributed.itemReviewed.author).toEqual({ "@type": "Person", name: "Jane Reporter" });
    // An organisation that made the claim is an Organization; a document is what a claim rests on, not who made it.
    const [ministry] = buildClaimReviews(withChainEnd({ id: "mod", name: "Russian Ministry of Defence", kind: "organisation" }));
    expect(ministry.itemReviewed.author).toEqual({ "@type": "Organization", name: "Russian Ministry of Defence" });
  });

  it("types an author who is an outlet as an Organization, never a Person", () => {
    const byline = (author: string) => buildClaimReviews({ ...report, article: { ...report.article, author } })[0].itemReviewed.author;
    expect(byline("Business Insider")).toEqual({ "@type": "Organization", name: "Business Insider" });
    expect(byline("The Daily Beast")).toEqual({ "@type": "Organization", name: "The Daily Beast" });
    expect(byline("Jane Reporter")).toEqual({ "@type": "Person", name: "Jane Reporter" });
    const noAuthor = buildClaimReviews({ ...report, article: { ...report.article, author: null } })[0].itemReviewed.author;
    expect(noAuthor).toEqual({ "@type": "Organization", name: "Business Insider" });
  });
});

describe("CSV", () => {
  it("parses back to the same rows: one per claim, with the fingerprint, UTF-8 with a BOM and CRLF", () => {
    const csv = renderReportCsv(report);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parse(csv, { bom: true, relax_column_count: false }) as string[][];

    expect(rows).toEqual(listCsvRows(report));
    expect(rows).toHaveLength(1 + report.claims.length);
    expect(rows[1][rows[0].indexOf("statement")]).toBe("The Duma bill lets firms keep private armies.");
    expect(rows[1][rows[0].indexOf("citations")]).toContain("Business Insider (states) <https://www.businessinsider.com/putin-private-armies> [archive: https://archive.example/insider]");
    expect(rows.slice(1).every((row) => row[row.length - 1] === `sha256:${report.fingerprint.value}`)).toBe(true);
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    const rows = parse(renderReportCsv(report), { bom: true }) as string[][];
    const statement = rows[0].indexOf("statement");
    expect(rows[4][statement]).toBe(`'${HYPERLINK_STATEMENT}`);
    expect(rows[5][statement]).toBe(SCRIPT_STATEMENT);
  });
});

describe("HTML", () => {
  const EXTERNAL = [/\ssrc\s*=/i, /<link\b/i, /@import/i, /url\s*\(/i, /<(script|img|iframe|object|embed|video|audio|source)\b/i];

  it("is a complete page that loads nothing from anywhere", () => {
    const html = renderReportHtml(report);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("</html>");
    for (const pattern of EXTERNAL) expect(html).not.toMatch(pattern);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
  });

  it("escapes the editors' text, so a statement's <script> is only text", () => {
    const html = renderReportHtml(report);
    expect(html).toContain("Nobody objected &lt;script&gt;alert(&quot;boo&quot;)&lt;/script&gt; &amp; said &quot;fine&quot;");
    expect(html).not.toContain("<script>");
  });

  it("shows the header, summary, each claim with its badge, chain and archive link, history, comments and fingerprint", () => {
    const html = renderReportHtml(report);
    expect(html).toContain("<h1>Putin&#39;s private armies</h1>");
    expect(html.match(new RegExp(report.fingerprint.value, "g"))?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain("Single origin.");
    expect(html).toContain('id="claim-1"');
    expect(html).toMatch(/<span class="badge v-accurate"><span class="glyph" aria-hidden="true">✓<\/span>Accurate<\/span>/);
    expect(html).toContain('<span class="badge withheld">');
    expect(html).toContain("Business Insider ← The Daily Beast ← Duma bill <span class=\"chain-end origin\">(origin reached)</span>");
    expect(html).toContain('archived: <a href="https://archive.example/insider" rel="noopener noreferrer">https://archive.example/insider</a>');
    expect(html).toContain("signed off the verdict");
    expect(html).toContain("Internal: ask the Duma press office");
    expect(html).toContain("Sam Second");
  });
});

describe("Markdown", () => {
  it("carries the same content, with the editors' text escaped", () => {
    const md = renderReportMarkdown(report);
    expect(md).toContain("# Verification report: Putin's private armies");
    expect(md).toContain(`\`sha256:${report.fingerprint.value}\``);
    expect(md).toContain("### Claim 1 · ✓ Accurate");
    expect(md).toContain("### Claim 2 · … Verdict pending sign-off");
    expect(md).toContain("Business Insider ← The Daily Beast ← Duma bill (origin reached)");
    expect(md).toContain("archived: [https://archive.example/insider](<https://archive.example/insider>)");
    expect(md).toContain("Nobody objected \\<script\\>alert(\"boo\")\\</script\\> \\& said \"fine\"");
    expect(md).toContain("**Verdict awaiting a second editor's sign-off:** claim 2");
    expect(md).not.toContain("opposite in the committee");
  });
});

describe("the summary's shares", () => {
  // Claims 1 (accurate) and 3 (not checkable) have a final verdict: two of five, one found accurate.
  it("never calls a verdict of any kind 'verified': the share with a verdict and the share found accurate, in the same words in every format", () => {
    const withVerdict = "40% have a final verdict, whatever it says (2 of 5 claims)";
    const accurate = "20% found “Accurate” with a final verdict (1 of 5 claims)";
    const html = renderReportHtml(report).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    const md = renderReportMarkdown(report).replace(/\*\*/g, "");
    for (const text of [html, md]) {
      expect(text).toContain(withVerdict);
      expect(text).toContain(accurate);
      expect(text).not.toMatch(/\bverified\b/i);
    }
  });

  it("uses the team's word for accurate, and says 1 claim, not 1 claims", () => {
    const renamed = {
      ...report,
      scale: { ...report.scale, verdicts: report.scale.verdicts.map((entry) => (entry.key === "accurate" ? { ...entry, label: "True" } : entry)) },
      summary: { ...report.summary, claimCount: 1, finalVerdicts: 1, shareVerified: 1, byVerdict: { ...report.summary.byVerdict, accurate: 1 } },
    };
    expect(describeVerdictShares(renamed)).toEqual({
      withVerdict: { value: "100%", words: "have a final verdict, whatever it says (1 of 1 claim)" },
      accurate: { value: "100%", words: "found “True” with a final verdict (1 of 1 claim)" },
    });
  });
});

describe("an article without claims", () => {
  it("still exports in every format, saying so", async () => {
    const user = await createTestUser(db);
    const team = await createTeam(db, { name: "Empty Desk", userId: user.id });
    const { articleId } = await saveImport(db, { teamId: team.id, userId: user.id }, saveImportSchema.parse({ title: "Nothing yet", text: "Text.", removedLines: [] }));
    const empty = await exportReport(db, team.id, articleId);

    expect(empty.summary).toMatchObject({ claimCount: 0, shareVerified: 0 });
    expect(renderReportHtml(empty)).toContain("No claims have been marked in this article.");
    expect(renderReportMarkdown(empty)).toContain("No claims have been marked in this article.");
    expect(parse(renderReportCsv(empty), { bom: true })).toHaveLength(1);
    expect(JSON.parse(renderReportClaimReview(empty))).toEqual([]);
  });
});
