import { AppError } from "@/lib/errors";
import { readReportRange } from "./date-range";
import type { ReportRange } from "./date-range";

export const TEAM_EXPORT_FORMATS = ["csv", "json"] as const;
export type TeamExportFormat = (typeof TEAM_EXPORT_FORMATS)[number];

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD&format=csv|json` as the export route takes it: the range of
 * the dashboard (last 30 days when both dates are left out), CSV unless JSON is asked for.
 * A bad value is an INVALID_INPUT whose message says what to fix.
 */
export function readTeamExportQuery(params: URLSearchParams, today?: Date): { range: ReportRange; format: TeamExportFormat } {
  const format = params.get("format") || "csv";
  const problems: string[] = [];
  if (!(TEAM_EXPORT_FORMATS as readonly string[]).includes(format)) problems.push("The format must be csv or json.");
  const range = readReportRange({ from: params.get("from"), to: params.get("to") }, today);
  if (!range.ok) problems.push(...range.problems);
  if (!range.ok || problems.length > 0) throw new AppError("INVALID_INPUT", problems.join(" "));
  return { range: range.range, format: format as TeamExportFormat };
}

/** "factdesk-desk-2025-03-01-to-2025-03-31.csv": the team, the range and the format, in the file's name. */
export function nameTeamExportFile(teamSlug: string, range: ReportRange, format: TeamExportFormat): string {
  const slug = teamSlug.replace(/[^a-z0-9-]/gi, "-");
  return `factdesk-${slug}-${range.from}-to-${range.to}.${format}`;
}
