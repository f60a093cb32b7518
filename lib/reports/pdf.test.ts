import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { renderReportHtml } from "./formats/html";
import { findChromium } from "./pdf-browser";
import { MISSING_CHROMIUM_MESSAGE, buildPageStyle, closePdfBrowser, cssString, renderReportPdf } from "./pdf";
import { exportReport } from "./test-fixtures";
import { seedManyClaims } from "./test-seed";

const db = setUpTestDatabase();

const TITLE = "Duma bill & private armies: \u201cwhat the record shows\u201d";
const FINGERPRINT = "3f9a0c5e7b21d4e8a6f0";

function hasChromium(): boolean {
  try {
    return Boolean(findChromium());
  } catch {
    return false;
  }
}

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
  const pdf = await renderReportPdf(html, { title: TITLE, fingerprint: FINGERPRINT });
  return { pdf, ms: Math.round(performance.now() - started) };
}

const pdftotext = (file: string, page: number) => execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" });

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

const isChromiumMissing = !hasChromium();
if (isChromiumMissing) console.warn("Skipping the PDF rendering tests: no Chromium here. Install it (apt-get install chromium) or set CHROMIUM_PATH.");

describe.skipIf(isChromiumMissing)("renderReportPdf", () => {
  it("prints every page with the title and page numbers, without scripts or network", async () => {
    const cold = await timeRender(buildFixture(200));
    const file = path.join(tempDir, "report.pdf");
    fs.writeFileSync(file, cold.pdf);
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
  });

  it("prints a real 500-claim report with its history (figure for the reports issue), and three small ones at once", async () => {
    const user = await createTestUser(db);
    const team = await createTeam(db, { name: "Big Desk", userId: user.id });
    const { articleId } = await saveImport(db, { teamId: team.id, userId: user.id }, saveImportSchema.parse({ title: "Long read", text: "Some text.", removedLines: [] }));
    await seedManyClaims(db, { teamId: team.id, userId: user.id, articleId, count: 500 });
    const report = await exportReport(db, team.id, articleId, { includeHistory: true, includeComments: false, finalOnly: true });
    const html = renderReportHtml(report);
    const started = performance.now();
    const pdf = await renderReportPdf(html, { title: report.article.title, fingerprint: report.fingerprint.value });
    const ms = Math.round(performance.now() - started);
    const file = path.join(tempDir, "big.pdf");
    fs.writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
    console.info(`PDF of a 500-claim report with history, ${pages} pages: ${ms} ms (target 5,000 ms; npm run bench measures it over HTTP)`);
    expect(pdftotext(file, pages)).toContain(`Page ${pages} of ${pages}`);
    // A guard against a regression of several times, not the target: this runs beside other test files.
    expect(ms).toBeLessThan(20_000);

    const parallel = performance.now();
    const results = await Promise.all([1, 2, 3].map((n) => renderReportPdf(buildFixture(20 * n), { title: `Parallel ${n}` })));
    console.info(`PDF, three small reports at once: ${Math.round(performance.now() - parallel)} ms`);
    expect(results.every((each) => each.byteLength > 1_000)).toBe(true);
  }, 60_000);
});
