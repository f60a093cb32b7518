// GET /api/t/[team]/articles/[articleId]/report - the article's verification report as a file:
// ?format=html|md|csv|json|claimreview|pdf|zip (every format in one archive) &history=0|1 &comments=0|1 &final=0|1 &inline=1 (html, pdf) &reviewUrl=…
import type { NextRequest } from "next/server";
import { teamRoute } from "@/lib/auth/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildReport } from "@/lib/reports/build";
import { renderReportArchive, renderReportFile } from "@/lib/reports/files";
import { fingerprintReport } from "@/lib/reports/fingerprint";
import { parseReportQuery } from "@/lib/reports/options";
import { renderReportPdf } from "@/lib/reports/pdf";
import { withPdfSlot } from "@/lib/reports/pdf-cap";
import { loadReportData } from "@/lib/reports/queries";
import { buildReportHeaders } from "@/lib/reports/render";

/** The HTML report's own address: where ClaimReview `url`s point unless the team names its published page. */
function describeHtmlUrl(request: NextRequest): string {
  return `${request.nextUrl.origin}${request.nextUrl.pathname}?format=html&inline=1`;
}

export const GET = teamRoute<{ team: string; articleId: string }>("report:export", async (request, { team, user, params }) => {
  const parsed = parseReportQuery(request.nextUrl.searchParams);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues.map((issue) => issue.message).join(" "));
  const query = parsed.data;
  const data = await loadReportData(db, team.id, params.articleId, { history: query.history, comments: query.comments });
  if (!data) throw new AppError("NOT_FOUND", "This article does not exist in this team.");
  const report = fingerprintReport(
    buildReport(data, {
      includeHistory: query.history, includeComments: query.comments, finalOnly: query.final,
      generatedAt: new Date(), generatedBy: { name: user.name, email: user.email },
    }),
  );
  const inline = query.inline && (query.format === "html" || query.format === "pdf");
  // PDF: typeset from the same report, or printed from its HTML (lib/reports/pdf.ts says when),
  // at most PDF_CONCURRENCY at once in the whole deployment.
  const options = { reviewUrl: query.reviewUrl ?? describeHtmlUrl(request), makePdf: (each: typeof report) => withPdfSlot(db, () => renderReportPdf(each)) };
  // The archive renders every format from this one report, so every file carries its fingerprint.
  const file = query.format === "zip" ? await renderReportArchive(report, options) : await renderReportFile(report, query.format, options);
  const body = typeof file.body === "string" ? file.body : new Blob([file.body as Uint8Array<ArrayBuffer>]);
  return new Response(body, {
    headers: buildReportHeaders({ contentType: file.contentType, filename: file.filename, inline, fingerprint: report.fingerprint.value }),
  });
});
