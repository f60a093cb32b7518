import { z } from "zod";
import { stripUnsafeCharacters } from "@/lib/text/unsafe-characters";

export const REPORT_FORMATS = ["html", "md", "csv", "json", "claimreview", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** What can be downloaded: one format, or `zip`, an archive of every format of the same report. */
export const REPORT_DOWNLOADS = [...REPORT_FORMATS, "zip"] as const;

const flag = (fallback: boolean, name: string) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no"], { error: `${name} must be 1 or 0` })
    .optional()
    .transform((value) => (value === undefined ? fallback : value === "1" || value === "true" || value === "yes"));

/**
 * The report's query string. Defaults: history in, internal comments out (they are the team's
 * own discussion), final verdicts only (a verdict awaiting sign-off is not yet the team's).
 * `reviewUrl` is the page where the team publishes the fact check (ClaimReview `url`).
 */
export const reportQuerySchema = z.object({
  format: z.enum(REPORT_DOWNLOADS, { error: `Unknown format. Choose one of: ${REPORT_DOWNLOADS.join(", ")}.` }).default("html"),
  history: flag(true, "history"),
  comments: flag(false, "comments"),
  final: flag(true, "final"),
  inline: flag(false, "inline"),
  reviewUrl: z
    .url({ protocol: /^https?$/, error: "reviewUrl must be a web address starting with http:// or https://" })
    .max(2_000)
    .optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** The query string as options (case-insensitive values); a repeated parameter counts once, the first. */
export function parseReportQuery(params: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(reportQuerySchema.shape)) {
    // A query string can carry anything; no control or bidi character is printed into a report.
    const sent = params.get(key);
    const value = sent === null ? null : stripUnsafeCharacters(sent);
    if (value !== null && value.trim() !== "") raw[key] = key === "reviewUrl" ? value.trim() : value.trim().toLowerCase();
  }
  return reportQuerySchema.safeParse(raw);
}
