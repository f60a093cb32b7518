import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/config/prisma-client";
import { AppError } from "@/lib/errors";
import type { TeamRules } from "./rules";
import type { VerificationSettingsInput } from "./schema";
import { readVerificationSettings } from "./settings";
import { describeVerificationSettings } from "./settings-summary";
import type { TeamVerdictLabels } from "./verdicts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Wording and numbers are stored; blank fields fall back to the defaults, meanings never change.
 * Saved only if nobody saved since the form was loaded (`input.revision`), so one owner's rules
 * are never silently overwritten by another's older form.
 */
export async function updateVerificationSettings(db: Db, actor: { teamId: string; userId: string }, input: VerificationSettingsInput) {
  const labels: TeamVerdictLabels = {};
  for (const [verdict, wording] of Object.entries(input.labels)) {
    const label = wording.label || undefined;
    const alternateName = wording.alternateName || undefined;
    const ratingValue = verdict === "not_checkable" ? undefined : wording.ratingValue;
    if (label || alternateName || ratingValue) labels[verdict as keyof TeamVerdictLabels] = { label, alternateName, ratingValue };
  }
  const rules: TeamRules = { accurateNeeds: input.accurateNeeds, requireSignOff: input.requireSignOff, strictCaptures: input.strictCaptures };
  await db.$transaction(async (tx) => {
    const updated = await tx.team.updateMany({
      where: { id: actor.teamId, verificationRevision: input.revision },
      data: { verdictLabels: JSON.stringify(labels), verificationRules: JSON.stringify(rules), verificationRevision: { increment: 1 } },
    });
    if (updated.count !== 1) throw await refuseStaleSettings(tx, actor.teamId);
    await recordAuditEvent(tx, {
      type: "team.verification_settings_changed", userId: actor.userId, teamId: actor.teamId, detail: { labels, rules, revision: input.revision + 1 },
    });
  });
}

/** The refusal of a stale save: who saved the settings last, when, and what they say now. */
async function refuseStaleSettings(tx: Tx, teamId: string): Promise<AppError> {
  const [team, last] = await Promise.all([
    tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { verdictLabels: true, verificationRules: true } }),
    tx.auditEvent.findFirst({
      where: { teamId, type: "team.verification_settings_changed" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, user: { select: { name: true } } },
    }),
  ]);
  const who = last ? `${last.user?.name ?? "Someone"} saved them at ${last.createdAt.toISOString().slice(11, 16)} UTC` : "Someone saved them";
  return new AppError(
    "CONFLICT",
    `${who} while you were editing. They now say: ${describeVerificationSettings(readVerificationSettings(team))}. Your change was not saved: reload to see theirs, then apply yours again.`,
  );
}
