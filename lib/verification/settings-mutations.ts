import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/config/prisma-client";
import type { TeamRules } from "./rules";
import type { VerificationSettingsInput } from "./schema";
import type { TeamVerdictLabels } from "./verdicts";

/** Wording and numbers are stored; blank fields fall back to the defaults, meanings never change. */
export async function updateVerificationSettings(db: Db, actor: { teamId: string; userId: string }, input: VerificationSettingsInput) {
  const labels: TeamVerdictLabels = {};
  for (const [verdict, wording] of Object.entries(input.labels)) {
    const label = wording.label || undefined;
    const alternateName = wording.alternateName || undefined;
    const ratingValue = verdict === "not_checkable" ? undefined : wording.ratingValue;
    if (label || alternateName || ratingValue) labels[verdict as keyof TeamVerdictLabels] = { label, alternateName, ratingValue };
  }
  const rules: TeamRules = { accurateNeeds: input.accurateNeeds, requireSignOff: input.requireSignOff };
  await db.$transaction(async (tx) => {
    await tx.team.update({ where: { id: actor.teamId }, data: { verdictLabels: JSON.stringify(labels), verificationRules: JSON.stringify(rules) } });
    await recordAuditEvent(tx, { type: "team.verification_settings_changed", userId: actor.userId, teamId: actor.teamId, detail: { labels, rules } });
  });
}
