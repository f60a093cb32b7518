import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "./pdf-browser";
import { MISSING_CHROMIUM_MESSAGE, buildFooterTemplate, buildHeaderTemplate, closePdfBrowser, renderReportPdf } from "./pdf";

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

describe("templates", () => {
  it("escapes the title and shortens the fingerprint", () => {
    expect(buildHeaderTemplate("<b>A & B</b>")).toContain("&lt;b&gt;A &amp; B&lt;/b&gt;");
    expect(buildFooterTemplate(FINGERPRINT)).toContain("Fingerprint 3f9a0c5e7b21<");
    expect(buildFooterTemplate()).toContain('class="totalPages"');
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

  it("prints a 500-claim report in under 5 seconds, two at a time", async () => {
    const big = await timeRender(buildFixture(500));
    const file = path.join(tempDir, "big.pdf");
    fs.writeFileSync(file, big.pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
    console.info(`PDF, 500 sections, ${pages} pages: ${big.ms} ms`);
    expect(big.ms).toBeLessThan(5_000);

    const started = performance.now();
    const results = await Promise.all([1, 2, 3].map((n) => renderReportPdf(buildFixture(20 * n), { title: `Parallel ${n}` })));
    console.info(`PDF, three small reports at once: ${Math.round(performance.now() - started)} ms`);
    expect(results.every((pdf) => pdf.byteLength > 1_000)).toBe(true);
  });
});
