import { VERDICTS, isVerdict, type Verdict } from "@/lib/verification/verdicts";
import { TRACK_PERIODS, TRACK_ROLES, isPeriodKey, labelPeriod } from "./track-record";
import type { TrackPeriod, TrackRole, TrackSummary } from "./track-record";
import type { TrackSelection } from "./track-record-queries";
import { countOf } from "@/lib/text/plural";

type Labels = Readonly<Record<Verdict, string>>;

/** "12 claims: 8 Accurate · 3 Misleading · 1 False" (verdicts in their fixed order, none left at 0). */
export function describeTrack(counts: TrackSummary[TrackRole], labels: Labels): string {
  if (counts.claims === 0) return "no judged claims";
  const parts = VERDICTS.filter((verdict) => counts.verdicts[verdict] > 0).map((verdict) => `${counts.verdicts[verdict].toLocaleString("en")} ${labels[verdict]}`);
  return `${countOf(counts.claims, "claim")}: ${parts.join(" · ")}`;
}

export const trackRoleWords: Record<TrackRole, { heading: string; caption: (name: string) => string; short: string }> = {
  origin: { heading: "As the origin", caption: (name) => `Verdicts on claims whose origin is ${name}`, short: "as origin" },
  relay: { heading: "As a relay", caption: (name) => `Verdicts on claims that came through ${name}`, short: "as relay" },
};

/** The page's query: which tables (`period`) and which number's claims to list (`selection`). */
export type TrackQuery = { period: TrackPeriod; selection: TrackSelection | null; isInvalid: boolean };

/**
 * Reads `?period=&role=&in=&verdict=` from a link. Anything unknown selects nothing and says so
 * (`isInvalid`), so a mistyped link shows the tables with a notice rather than an error page.
 */
export function readTrackQuery(query: Record<string, string | string[] | undefined>): TrackQuery {
  const period: TrackPeriod = (TRACK_PERIODS as readonly unknown[]).includes(query.period) ? (query.period as TrackPeriod) : "quarter";
  const isPeriodInvalid = query.period !== undefined && query.period !== period;
  if (query.role === undefined && query.in === undefined && query.verdict === undefined) return { period, selection: null, isInvalid: isPeriodInvalid };
  const role = (TRACK_ROLES as readonly unknown[]).includes(query.role) ? (query.role as TrackRole) : null;
  const key = isPeriodKey(query.in, period) ? query.in : null;
  const verdict = query.verdict === undefined ? null : isVerdict(query.verdict) ? query.verdict : undefined;
  if (!role || !key || verdict === undefined) return { period, selection: null, isInvalid: true };
  return { period, selection: { role, period: key, verdict }, isInvalid: isPeriodInvalid };
}

/** The link to one number of the tables, or back to the tables alone. */
export function trackHref(base: string, period: TrackPeriod, selection?: TrackSelection): string {
  const params = new URLSearchParams({ period });
  if (selection) {
    params.set("role", selection.role);
    params.set("in", selection.period);
    if (selection.verdict) params.set("verdict", selection.verdict);
  }
  return `${base}?${params}#${selection ? "track-claims" : "track-record"}`;
}

/** "False, Q3 2026, as origin": what a selected number counts, for the list's caption. */
export function describeSelection(selection: TrackSelection, labels: Labels): string {
  const verdict = selection.verdict ? labels[selection.verdict] : "Every verdict";
  const period = selection.period === "all" ? "all periods" : labelPeriod(selection.period);
  return `${verdict}, ${period}, ${trackRoleWords[selection.role].short}`;
}
