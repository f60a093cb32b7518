import { VerificationSettingsForm } from "@/components/verification/settings-form";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { getVerificationSettings } from "@/lib/verification/settings";
import { DEFAULT_VERDICTS, VERDICTS } from "@/lib/verification/verdicts";
import { updateVerificationSettingsAction } from "./actions";

export const metadata = { title: "Verdicts and rules" };

export default async function VerificationSettingsPage({ params }: PageProps<"/t/[team]/settings/verification">) {
  const { team: slug } = await params;
  const { team } = await requirePageTeam(slug, "member:manage");
  const settings = await getVerificationSettings(db, team.id);
  const verdicts = VERDICTS.map((verdict) => ({
    verdict,
    ...DEFAULT_VERDICTS[verdict],
    label: settings.labels[verdict]?.label ?? "",
    alternateName: settings.labels[verdict]?.alternateName ?? "",
    teamRating: settings.labels[verdict]?.ratingValue ?? null,
    defaultLabel: DEFAULT_VERDICTS[verdict].label,
  }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{team.name}: verdicts and rules</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          Rename the verdicts in your newsroom&apos;s words, set the ClaimReview rating each publishes, and choose what a verdict needs. The meanings and the
          order of the ClaimReview ratings (higher means more true) stay fixed, so reports stay comparable.
        </p>
      </div>
      <VerificationSettingsForm action={updateVerificationSettingsAction} teamSlug={team.slug} verdicts={verdicts} rules={settings.rules} revision={settings.revision} />
    </div>
  );
}
