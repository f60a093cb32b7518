import type { FingerprintedReport } from "../model";

/**
 * The complete record (docs/schemas/report-v1.schema.json), indented for people. The
 * fingerprint is over the canonical form, so this indentation does not change it.
 */
export function renderReportJson(report: FingerprintedReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
