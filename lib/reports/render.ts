import { renderReportClaimReview } from "./formats/claimreview";
import { renderReportCsv } from "./formats/csv";
import { renderReportHtml } from "./formats/html";
import { renderReportJson } from "./formats/json";
import { renderReportMarkdown } from "./formats/markdown";
import type { FingerprintedReport } from "./model";

export type RenderOptions = { reviewUrl?: string | null };

type Renderer = { contentType: string; extension: string; render: (report: FingerprintedReport, options: RenderOptions) => string };

/** Every text format of the report (PDF is rendered from the HTML, see the route). */
export const REPORT_RENDERERS = {
  html: { contentType: "text/html; charset=utf-8", extension: "html", render: renderReportHtml },
  md: { contentType: "text/markdown; charset=utf-8", extension: "md", render: renderReportMarkdown },
  csv: { contentType: "text/csv; charset=utf-8; header=present", extension: "csv", render: renderReportCsv },
  json: { contentType: "application/json; charset=utf-8", extension: "json", render: renderReportJson },
  claimreview: { contentType: "application/ld+json; charset=utf-8", extension: "claimreview.jsonld", render: renderReportClaimReview },
} as const satisfies Record<string, Renderer>;

export type TextReportFormat = keyof typeof REPORT_RENDERERS;

/**
 * "report-museum-record-2025-05-03.html": ASCII letters, digits and dashes only, so no
 * browser or mail client can be led astray by quotes, slashes or control characters.
 */
export function nameReportFile(title: string, generatedAt: string, extension: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `report-${slug || "article"}-${generatedAt.slice(0, 10)}.${extension}`;
}

/** Headers of a report download: never cached (it holds internal work), fingerprint readable without parsing. */
export function buildReportHeaders(input: { contentType: string; filename: string; inline: boolean; fingerprint: string }): Headers {
  return new Headers({
    "Content-Type": input.contentType,
    "Content-Disposition": `${input.inline ? "inline" : "attachment"}; filename="${input.filename}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Report-Fingerprint": `sha256:${input.fingerprint}`,
  });
}
