import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { findChromium } from "./pdf-browser";
import { MISSING_CHROMIUM_MESSAGE, buildPageStyle, choosePdfMaker, closePdfBrowser, cssString, printReportHtml, renderReportPdf } from "./pdf";
import type { FingerprintedReport } from "./model";
import { exportReport, setUpReportArticle } from "./test-fixtures";
import { seedManyClaims } from "./test-seed";

const db = setUpTestDatabase();

const TITLE = "Duma bill & private armies: \u201cwhat the record shows\u201d";
const FINGERPRINT = "3f9a0c5e7b21d4e8a6f0";

/** A self-contained report-like page; the image and script prove network and JavaScript are off. */
function buildFixture(sections: number): string {
  const body = Array.from({ length: sections }, (_, index) => `
    <section><h2>Claim ${index + 1}</h2>
    <p>The committee said the bill lets firms keep private armies (claim ${index + 1}); the record of the vote is cited below.</p>
    <p class="verdict">Verdict: Accurate · signed off</p></section>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE.replace(/&/g, "&amp;")}</title>
    <style>body{font-family:'DejaVu Sans',sans-serif;font-size:11pt} .verdict{background:#ecfdf5}</style></head>
    <body><h1>${TITLE.replace(/&/g, "&amp;")}</h1><img alt="" src="https://example.invalid/tracker.png">
    <script>document.write("SCRIPT RAN")</script>${body}</body></html>`;
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-pdf-"));
afterAll(async () => {
  await closePdfBrowser();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

async function timeRender(html: string) {
  const started = performance.now();
  const pdf = await printReportHtml(html, { title: TITLE, fingerprint: FINGERPRINT });
  return { pdf, ms: Math.round(performance.now() - started) };
}

const pdftotext = (file: string, page: number) => execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" });
const pdfinfo = (file: string) => execFileSync("pdfinfo", [file], { encoding: "utf8" });
const countPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))?.[1]);

function save(pdf: Uint8Array, name: string): string {
  const file = path.join(tempDir, name);
  fs.writeFileSync(file, pdf);
  return file;
}

describe("the page style", () => {
  it("escapes the title so that it cannot end the CSS string or the style element, and shortens the fingerprint", () => {
    expect(cssString('A "b" \\ </style><script>')).toBe('"A \\000022b\\000022 \\00005c \\00003c\\00002fstyle\\00003e\\00003cscript\\00003e"');
    expect(cssString("Путин's армии, 2023")).toBe(`"Путин's армии, 2023"`);
    const style = buildPageStyle("x".repeat(200), FINGERPRINT);
    expect(style).toContain('content:"Fingerprint 3f9a0c5e7b21"');
    expect(style).toContain(`"${"x".repeat(89)}\\002026"`);
    expect(buildPageStyle("T")).not.toContain("Fingerprint");
  });

  it("says how to get Chromium when the configured one is missing", () => {
    expect(() => findChromium("/nowhere/chromium")).toThrow(expect.objectContaining({ code: "INVALID_INPUT", message: MISSING_CHROMIUM_MESSAGE }));
  });
});

// Never skipped: reports in scripts the typesetter's fonts lack are printed by Chromium, so a
// machine without it must fail here, loudly, with findChromium's message on how to install it
// (`npm test` installs Debian's chromium first: scripts/ensure-chromium.sh).
describe("printReportHtml (Chromium)", () => {
  it("finds the Chromium that prints these reports", () => {
    expect(() => findChromium()).not.toThrow();
  });

  it("prints every page with the title and page numbers, without scripts or network", async () => {
    const cold = await timeRender(buildFixture(200));
    const file = save(cold.pdf, "report.pdf");
    expect(Buffer.from(cold.pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    execFileSync("pdftoppm", ["-png", "-r", "50", file, path.join(tempDir, "page")]);
    const images = fs.readdirSync(tempDir).filter((name) => name.endsWith(".png"));
    expect(images.length).toBeGreaterThanOrEqual(2);

    const first = pdftotext(file, 1);
    expect(first).toContain("Duma bill & private armies");
    expect(first).toContain("Page 1 of");
    expect(first).toContain("Fingerprint 3f9a0c5e7b21");
    expect(first).not.toContain("SCRIPT RAN");
    const last = pdftotext(file, images.length);
    expect(last).toContain(`Page ${images.length} of ${images.length}`);
    expect(last).toContain("Duma bill & private armies");

    const warm = await timeRender(buildFixture(200));
    console.info(`PDF, 200 sections, ${images.length} pages: cold ${cold.ms} ms, warm ${warm.ms} ms`);
    expect(warm.ms).toBeLessThan(cold.ms);

    const parallel = performance.now();
    const results = await Promise.all([1, 2, 3].map((n) => printReportHtml(buildFixture(20 * n), { title: `Parallel ${n}` })));
    console.info(`PDF, three small reports at once: ${Math.round(performance.now() - parallel)} ms`);
    expect(results.every((each) => each.byteLength > 1_000)).toBe(true);
  }, 60_000);

  it("prints a report the embedded fonts cannot show (right-to-left, Chinese) from its HTML", async () => {
    const fixture = await setUpReportArticle(db);
    const report = await exportReport(db, fixture.team.id, fixture.articleId, { includeHistory: true, includeComments: true, finalOnly: false });
    const mixed: FingerprintedReport = { ...report, article: { ...report.article, title: "Частные армии — 私人军队 — جيوش خاصة" } };
    expect(choosePdfMaker(mixed)).toBe("chromium");
    const file = save(await renderReportPdf(mixed), "mixed.pdf");
    expect(pdfinfo(file)).toMatch(/Producer:\s+Skia/);
    expect(pdftotext(file, 1)).toContain("军队");
  }, 60_000);
});

describe("renderReportPdf (typeset)", () => {
  it("chooses the typesetter when DejaVu has every character, Chromium for right-to-left text and other scripts", async () => {
    const fixture = await setUpReportArticle(db);
    const report = await exportReport(db, fixture.team.id, fixture.articleId, { includeHistory: true, includeComments: true, finalOnly: false });
    const titled = (title: string): FingerprintedReport => ({ ...report, article: { ...report.article, title } });
    expect(choosePdfMaker(report)).toBe("typeset");
    expect(choosePdfMaker(titled("Путин: «частные армии» — Ελλάδα, Łódź, café"))).toBe("typeset");
    for (const title of ["צבא פרטי", "جيوش خاصة", "私人军队", "निजी सेना", "Armies 🪖", "Hidden \u202Ereversed", "Bell \u0007"]) {
      expect(choosePdfMaker(titled(title)), title).toBe("chromium");
    }
    // A character anywhere in the report counts, not only in the title.
    const [first, ...rest] = report.claims;
    expect(choosePdfMaker({ ...report, claims: [{ ...first, rationale: "Confirmed 確認" }, ...rest] })).toBe("chromium");
  });

  it("typesets the fixture's report: title, summary, every claim, links, bookmarks, and the running head and foot on every page", async () => {
    const fixture = await setUpReportArticle(db);
    const report = await exportReport(db, fixture.team.id, fixture.articleId, { includeHistory: true, includeComments: true, finalOnly: false });
    const pdf = await renderReportPdf(report);
    const file = save(pdf, "fixture.pdf");
    expect(pdfinfo(file)).toMatch(/Producer:\s+PDFKit/);
    expect(pdfinfo(file)).toMatch(/Title:\s+Verification report: Putin's private armies/);
    const pages = countPages(file);
    const first = pdftotext(file, 1);
    expect(first).toContain("Putin's private armies");
    expect(first).toContain("Summary");
    expect(first).toContain(`Page 1 of ${pages}`);
    expect(first).toContain(`Fingerprint ${report.fingerprint.value.slice(0, 12)}`);
    const all = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const claim of report.claims) expect(all).toContain(`CLAIM ${claim.number} `);
    for (const claim of report.claims) expect(all).toContain(claim.quote);
    expect(all).toContain("Business Insider ← The Daily Beast ← Duma bill (origin reached)");
    expect(all).toContain("Internal: ask the Duma press office for the bill's number.");
    expect(all).toContain(`sha256:${report.fingerprint.value}`);
    // The shares in the words of every format (formats/wording.ts): a verdict is not "verified".
    // Read in drawing order (-raw): the figures stand side by side in boxes.
    const raw = execFileSync("pdftotext", ["-raw", "-f", "1", "-l", "1", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(raw).toContain("40% have a final verdict, whatever it says (2 of 5 claims)");
    expect(raw).toContain("20% found “Accurate” with a final verdict (1 of 5 claims)");
    expect(all).not.toMatch(/\bverified\b/i);
    expect(pdftotext(file, pages)).toContain(`Page ${pages} of ${pages}`);
    expect(pdftotext(file, pages)).toContain("Approved by (name, role)");
    // Annotations and the outline are not compressed: the links and bookmarks can be read from the bytes.
    const bytes = Buffer.from(pdf).toString("latin1");
    expect(bytes).toContain("/URI (https://www.thedailybeast.com/duma)");
    expect(bytes).toContain("/Outlines");
    expect(bytes).toContain("(claim-1)");
    // Tagged for screen readers: the title a heading, each claim a section under its statement,
    // the metadata a table, the history a list of entries; the running head and foot are left out.
    expect(pdfinfo(file)).toMatch(/Tagged:\s+yes/);
    const structure = execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8" });
    expect(structure).toMatch(/H1 \(block\)\s+"Putin's private armies"/);
    expect(structure).toMatch(/Sect\s+P \(block\)\s+"CLAIM 1"\s+H3 \(block\)\s+"The Duma bill lets firms keep private armies\."\s+P \(block\)\s+"✓ Accurate"/);
    expect(structure).toMatch(/Table \(block\)\s+TR\s+TH\s+"Outlet"\s+TD\s+"Business Insider"/);
    expect(structure).toMatch(/"HISTORY"\s+L \(block\)\s+LI \(block\)\s+LBody \(block\)\s+"\d+ \w+ \d{4}, \d\d:\d\d Olga Owner added the claim: The Duma bill/);
    expect(structure).toMatch(/LI \(block\)\s+Lbl \(block\)\s+"1\."\s+LBody/);
    expect(structure).not.toContain("Page 1 of");
    execFileSync("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", file, path.join(tempDir, "fixture")]);
    expect(fs.existsSync(path.join(tempDir, "fixture-1.png"))).toBe(true);
  });

  it("keeps text longer than a line or a page, unbroken addresses included", async () => {
    const fixture = await setUpReportArticle(db);
    const report = await exportReport(db, fixture.team.id, fixture.articleId, { includeHistory: false, includeComments: false, finalOnly: false });
    const address = `https://example.org/${"a1b2c3".repeat(40)}`;
    const long = Array.from({ length: 400 }, (_, index) => `Sentence ${index + 1} of the rationale.`).join(" ");
    const [first, ...rest] = report.claims;
    const pdf = await renderReportPdf({ ...report, claims: [{ ...first, statement: address, rationale: `${long}\n\n\n\nLast\tline.` }, ...rest] });
    const file = save(pdf, "long.pdf");
    const all = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(all.replace(/\s+/g, "")).toContain(address);
    expect(all).toContain("Sentence 400 of the rationale.");
    expect(all).toContain("Last line.");
    expect(countPages(file)).toBeGreaterThan(2);
  });

  it("repeats the history's header row atop every page it continues on, and typesets a report without claims", async () => {
    const fixture = await setUpReportArticle(db);
    const report = await exportReport(db, fixture.team.id, fixture.articleId, { includeHistory: true, includeComments: false, finalOnly: false });
    const [first] = report.claims;
    const entry = first.history![0];
    const history = Array.from({ length: 160 }, (_, index) => ({ ...entry, note: null, to: `Entry ${index + 1}` }));
    const file = save(await renderReportPdf({ ...report, claims: [{ ...first, history }] }), "history.pdf");
    const pages = countPages(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 2; page <= pages; page += 1) {
      const text = pdftotext(file, page);
      if (!/Entry \d+/.test(text)) continue;
      expect(text.indexOf("When"), `page ${page}`).toBeGreaterThanOrEqual(0);
      expect(text.indexOf("When"), `page ${page}`).toBeLessThan(text.search(/Entry \d+/));
    }
    const all = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    for (const number of [1, 80, 160]) expect(all).toContain(`Entry ${number}\n`);

    const empty = save(await renderReportPdf({ ...report, claims: [] }), "empty.pdf");
    expect(countPages(empty)).toBe(1);
    expect(pdftotext(empty, 1)).toContain("No claims have been marked in this article.");
  });

  it("typesets a real 500-claim report with its history (the reports issue's figure) without holding up the server", async () => {
    const user = await createTestUser(db);
    const team = await createTeam(db, { name: "Big Desk", userId: user.id });
    const { articleId } = await saveImport(db, { teamId: team.id, userId: user.id }, saveImportSchema.parse({ title: "Long read", text: "Some text.", removedLines: [] }));
    await seedManyClaims(db, { teamId: team.id, userId: user.id, articleId, count: 500 });
    const report = await exportReport(db, team.id, articleId, { includeHistory: true, includeComments: false, finalOnly: true });
    // The longest the event loop waits while the report is typeset: other requests get their turn.
    let last = performance.now();
    let longestWait = 0;
    const ticker = setInterval(() => {
      longestWait = Math.max(longestWait, performance.now() - last);
      last = performance.now();
    }, 5);
    const started = performance.now();
    const pdf = await renderReportPdf(report);
    const ms = Math.round(performance.now() - started);
    clearInterval(ticker);
    const file = save(pdf, "big.pdf");
    const pages = countPages(file);
    console.info(`PDF of a 500-claim report with history, typeset, ${pages} pages: ${ms} ms (target 5,000 ms; npm run bench measures it over HTTP); longest event-loop wait ${Math.round(longestWait)} ms`);
    expect(pdftotext(file, pages)).toContain(`Page ${pages} of ${pages}`);
    expect(pdftotext(file, 1)).toContain("Long read");
    // Guards against a regression of several times, not the target (2.3 s over HTTP on a quiet
    // machine, npm run bench): this runs beside other test files on two cores.
    expect(ms).toBeLessThan(12_000);
    expect(longestWait).toBeLessThan(1_000);
  }, 60_000);
});
