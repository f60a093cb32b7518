import { strToU8, zipSync } from "fflate";
import { describeFingerprintMeaning } from "./formats/wording";
import type { FingerprintedReport } from "./model";
import type { ReportFormat } from "./options";
import { REPORT_RENDERERS, nameReportFile } from "./render";

/** A report download: its name, its type and its bytes (or text). */
export type ReportFile = { filename: string; contentType: string; body: string | Uint8Array };

export type ReportFileOptions = {
  /** ClaimReview `url`s point here (`#claim-N` added). */
  reviewUrl: string;
  /** Typesets (or prints) the PDF; the caller holds the deployment-wide PDF slot around it. */
  makePdf: (report: FingerprintedReport) => Promise<Uint8Array>;
};

/** One format of the report as a file. */
export async function renderReportFile(report: FingerprintedReport, format: ReportFormat, options: ReportFileOptions): Promise<ReportFile> {
  if (format === "pdf") {
    return { filename: nameReportFile(report.article.title, report.generatedAt, "pdf"), contentType: "application/pdf", body: await options.makePdf(report) };
  }
  const renderer = REPORT_RENDERERS[format];
  return {
    filename: nameReportFile(report.article.title, report.generatedAt, renderer.extension),
    contentType: renderer.contentType,
    body: renderer.render(report, { reviewUrl: options.reviewUrl }),
  };
}

/** The formats an archive holds, in the order they are listed in it. */
export const ARCHIVED_FORMATS = ["pdf", "html", "md", "csv", "json", "claimreview"] as const satisfies readonly ReportFormat[];

function describeArchive(report: FingerprintedReport, files: readonly ReportFile[]): string {
  return [
    `Verification report: ${report.article.title}`,
    "",
    `Report fingerprint sha256:${report.fingerprint.value}: ${describeFingerprintMeaning(report)}`,
    "",
    "This archive holds the same report in every format, made at the same time with the same options:",
    ...files.map((file) => `- ${file.filename}`),
    "",
  ].join("\r\n");
}

/**
 * Every format of one report, and a README saying what they are, in one .zip: one report
 * built once, so every file carries the same fingerprint. The PDF, already compressed, is
 * stored as it is; the text formats are deflated. Entries are dated when the report was made.
 */
export async function renderReportArchive(report: FingerprintedReport, options: ReportFileOptions): Promise<ReportFile> {
  const files: ReportFile[] = [];
  for (const format of ARCHIVED_FORMATS) files.push(await renderReportFile(report, format, options));
  const mtime = new Date(report.generatedAt);
  const entries = Object.fromEntries([
    ["README.txt", [strToU8(describeArchive(report, files)), { level: 6, mtime }]],
    ...files.map((file) => [file.filename, [typeof file.body === "string" ? strToU8(file.body) : file.body, { level: file.contentType === "application/pdf" ? 0 : 6, mtime }]]),
  ]);
  return { filename: nameReportFile(report.article.title, report.generatedAt, "zip"), contentType: "application/zip", body: zipSync(entries) };
}
