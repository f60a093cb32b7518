import { VERDICTS, labelVerdict } from "@/lib/verification/verdicts";
import type { TeamVerdictLabels, Verdict } from "@/lib/verification/verdicts";

export type VerdictEventRow = { actorId: string; type: string; toValue: string | null; actor: { name: string } };
export type MemberRow = { role: string; user: { id: string; name: string } };

/** "other": a label the team has since renamed, so it no longer names a verdict. */
export type VerdictTally = Record<Verdict | "other", number>;

/** role is null for someone who acted in the range and has left the team since. */
export type VerifierRow = { userId: string; name: string; role: string | null; given: number; signedOff: number; byVerdict: VerdictTally };

const emptyTally = (): VerdictTally => ({ ...(Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>), other: 0 });

/**
 * History rows store the verdict as the label the team used then; today's wording and the
 * default wording both lead back to the verdict. A label renamed since counts as "other".
 */
function mapLabelsToVerdicts(labels: TeamVerdictLabels): Map<string, Verdict> {
  const byLabel = new Map<string, Verdict>();
  for (const verdict of VERDICTS) {
    byLabel.set(labelVerdict(verdict), verdict);
    byLabel.set(labelVerdict(verdict, labels), verdict);
  }
  return byLabel;
}

/**
 * Who verified what: per member, the verdicts given (by verdict) and the sign-offs, from the
 * history rows of the range. Every member is listed, busiest first; people who have left the
 * team appear when they acted in the range.
 */
export function tallyVerifiers(members: readonly MemberRow[], events: readonly VerdictEventRow[], labels: TeamVerdictLabels): VerifierRow[] {
  const verdictByLabel = mapLabelsToVerdicts(labels);
  const rows = new Map<string, VerifierRow>();
  const rowOf = (userId: string, name: string, role: string | null) => {
    let row = rows.get(userId);
    if (!row) {
      row = { userId, name, role, given: 0, signedOff: 0, byVerdict: emptyTally() };
      rows.set(userId, row);
    }
    return row;
  };
  for (const member of members) rowOf(member.user.id, member.user.name, member.role);
  for (const event of events) {
    const row = rowOf(event.actorId, event.actor.name, null);
    if (event.type === "verdict_signed_off") row.signedOff += 1;
    if (event.type !== "verdict_given") continue;
    row.given += 1;
    row.byVerdict[(event.toValue && verdictByLabel.get(event.toValue)) || "other"] += 1;
  }
  return [...rows.values()].sort((a, b) => b.given + b.signedOff - (a.given + a.signedOff) || a.name.localeCompare(b.name));
}
