import { z } from "zod";

/** Longest range a team report covers: a year, leap day included. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * A report's range of whole days. Days are UTC days: events are stored in UTC, and one clock for
 * every member keeps two editors' exports of "March" identical wherever they sit.
 * `start` is midnight UTC of `from`; `end` is midnight after `to` (exclusive).
 */
export type ReportRange = { from: string; to: string; start: Date; end: Date; dayCount: number };

const toDay = (date: Date) => date.toISOString().slice(0, 10);
const parseDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

const isoDay = (name: string) =>
  z
    .string({ error: `Give the ${name} date.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `The ${name} date must look like 2025-03-31 (year-month-day).`, abort: true })
    .refine((day) => !Number.isNaN(parseDay(day).getTime()) && toDay(parseDay(day)) === day, `The ${name} date is not a day on the calendar.`);

/** `from` and `to` as a form or query string sends them; both days are included. */
export const reportRangeSchema = z
  .object({ from: isoDay("start"), to: isoDay("end") })
  .refine((range) => range.from <= range.to, { path: ["to"], message: "The start date must not be after the end date." })
  .refine((range) => countDays(range.from, range.to) <= MAX_RANGE_DAYS, {
    path: ["to"],
    message: `A report covers at most ${MAX_RANGE_DAYS} days; shorten the range.`,
  })
  .transform((range): ReportRange => toReportRange(range.from, range.to));

function countDays(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS) + 1;
}

function toReportRange(from: string, to: string): ReportRange {
  const start = parseDay(from);
  const dayCount = countDays(from, to);
  return { from, to, start, end: new Date(start.getTime() + dayCount * DAY_MS), dayCount };
}

/** The last 30 days, today included. */
export function defaultReportRange(today: Date = new Date()): ReportRange {
  const to = toDay(today);
  return toReportRange(toDay(new Date(parseDay(to).getTime() - (DEFAULT_RANGE_DAYS - 1) * DAY_MS)), to);
}

/** Every day of the range as YYYY-MM-DD, in order. */
export function listRangeDays(range: ReportRange): string[] {
  return Array.from({ length: range.dayCount }, (_, index) => toDay(new Date(range.start.getTime() + index * DAY_MS)));
}

/**
 * The range a query string asks for: both dates or neither (then the default). Returns the
 * problems worded for editors instead of throwing, so a page can show them beside the form.
 */
export function readReportRange(input: { from?: string | null; to?: string | null }, today?: Date):
  { ok: true; range: ReportRange } | { ok: false; problems: string[] } {
  if (!input.from && !input.to) return { ok: true, range: defaultReportRange(today) };
  const parsed = reportRangeSchema.safeParse({ from: input.from ?? undefined, to: input.to ?? undefined });
  if (parsed.success) return { ok: true, range: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
}
