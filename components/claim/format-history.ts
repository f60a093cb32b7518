import { describeClaimEventType } from "@/lib/claims/history";
import { formatMoment } from "@/lib/text/dates";
import { MIN_RATIONALE_LENGTH } from "@/lib/verification/rules";

/** The value of an `<input type="date">`: "2026-11-25", or "" for no date. */
export function toDateInput(value: Date | string | null | undefined): string {
  return value ? new Date(value).toISOString().slice(0, 10) : "";
}

export type HistoryEventLike = {
  type: string;
  fromValue: string | null;
  toValue: string | null;
  note: string | null;
  createdAt: Date | string;
  actor: { name: string };
};

export type HistoryRow = { who: string; did: string; when: string; change: string | null; note: string | null };

/** What changed, in one phrase: "In progress → Done", "Done", or "was Accurate" for a removal. */
export function describeChange(fromValue: string | null, toValue: string | null): string | null {
  if (fromValue && toValue) return `${fromValue} → ${toValue}`;
  if (toValue) return toValue;
  return fromValue ? `was ${fromValue}` : null;
}

/** The parts of one history row: "Ana Reyes changed the state · 10:02 UTC 25 Nov 2026: In progress → Done — note". */
export function formatHistoryRow(event: HistoryEventLike): HistoryRow {
  return {
    who: event.actor.name,
    did: describeClaimEventType(event.type),
    when: formatMoment(event.createdAt),
    change: describeChange(event.fromValue, event.toValue),
    note: event.note?.trim() ? event.note : null,
  };
}

/** The row as one line of text (for titles, copying, and tests). */
export function formatHistoryLine(event: HistoryEventLike): string {
  const row = formatHistoryRow(event);
  const change = row.change ? `: ${row.change}` : "";
  const note = row.note ? ` — ${row.note}` : "";
  return `${row.who} ${row.did} · ${row.when}${change}${note}`;
}

/** The rationale's length as the server counts it (trimmed), against the minimum. */
export function countRationale(text: string): { length: number; isEnough: boolean; label: string } {
  const length = text.trim().length;
  const isEnough = length >= MIN_RATIONALE_LENGTH;
  const label = isEnough
    ? `${length} characters (minimum ${MIN_RATIONALE_LENGTH} reached)`
    : `${length} of at least ${MIN_RATIONALE_LENGTH} characters`;
  return { length, isEnough, label };
}
