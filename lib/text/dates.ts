/**
 * The one way the app's screens write dates: "25 Nov 2026" for a day and "25 Nov 2026, 10:02
 * UTC" for a moment, always in UTC, so the server's render, the browser's and every editor's
 * read the same (no locale, no time zone of the machine). Reports, which are documents, spell
 * the month out (lib/reports/formats/wording.ts); a date input's value stays ISO (YYYY-MM-DD).
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "25 Nov 2026". */
export function formatDay(value: Date | string): string {
  const date = toDate(value);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "25 Nov 2026, 10:02 UTC". */
export function formatMoment(value: Date | string): string {
  const date = toDate(value);
  const time = `${String(date.getUTCHours()).padStart(2, "0")}:${String(date.getUTCMinutes()).padStart(2, "0")}`;
  return `${formatDay(date)}, ${time} UTC`;
}
