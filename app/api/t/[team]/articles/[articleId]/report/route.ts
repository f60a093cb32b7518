// GET /api/t/[team]/articles/[articleId]/report - the article's verification report as a file:
// ?format=html|md|csv|json|claimreview|pdf &history=0|1 &comments=0|1 &final=0|1 &inline=1 (html, pdf) &reviewUrl=…
import type { NextRequest } from "next/server";
import { teamRoute } from "@/lib/auth/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildReport } from "@/lib/reports/build";
import { fingerprintReport } from "@/lib/reports/fingerprint";
import { parseReportQuery } from "@/lib/reports/options";
import { renderReportPdf } from "@/lib/reports/pdf";
import { withPdfSlot } from "@/lib/reports/pdf-cap";
import { loadReportData } from "@/lib/reports/queries";
import { REPORT_RENDERERS, buildReportHeaders, nameReportFile } from "@/lib/reports/render";

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
  const fingerprint = report.fingerprint.value;
  const inline = query.inline && (query.format === "html" || query.format === "pdf");
  if (query.format === "pdf") {
    // PDF: typeset from the same report, or printed from its HTML (lib/reports/pdf.ts says when),
    // at most PDF_CONCURRENCY at once in the whole deployment.
    const pdf = await withPdfSlot(db, () => renderReportPdf(report));
    const filename = nameReportFile(report.article.title, report.generatedAt, "pdf");
    return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>]), {
      headers: buildReportHeaders({ contentType: "application/pdf", filename, inline, fingerprint }),
    });
  }
  const renderer = REPORT_RENDERERS[query.format];
  const body = renderer.render(report, { reviewUrl: query.reviewUrl ?? describeHtmlUrl(request) });
  const filename = nameReportFile(report.article.title, report.generatedAt, renderer.extension);
  return new Response(body, { headers: buildReportHeaders({ contentType: renderer.contentType, filename, inline, fingerprint }) });
});
