import type { Db } from "@/lib/config/prisma-client";
import { resolveTeamRules } from "./rules";
import type { TeamRules } from "./rules";
import type { TeamVerdictLabels } from "./verdicts";

/** `revision`: bumped by every save, so a save made from an older form is refused. */
export type VerificationSettings = { labels: TeamVerdictLabels; rules: TeamRules; revision: number };

/** Stored settings are JSON text; anything unreadable falls back to the defaults. */
function parseJson(text: string | null | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function readVerificationSettings(team: { verdictLabels: string; verificationRules: string }): Omit<VerificationSettings, "revision"> {
  return {
    labels: parseJson(team.verdictLabels) as TeamVerdictLabels,
    rules: resolveTeamRules(parseJson(team.verificationRules) as Partial<TeamRules>),
  };
}

export async function getVerificationSettings(db: Pick<Db, "team">, teamId: string): Promise<VerificationSettings> {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { verdictLabels: true, verificationRules: true, verificationRevision: true } });
  return { ...readVerificationSettings(team), revision: team.verificationRevision };
}
