import { CheckedBeforePanel } from "@/components/claim/checked-before-panel";
import { findCheckedBefore } from "@/lib/claims/matching/queries";
import { db } from "@/lib/db";
import type { TeamVerdictLabels } from "@/lib/verification/verdicts";

type Props = { teamId: string; claimId: string; articleHref: string; labels: TeamVerdictLabels };

/** The claim page's "Checked before" panel, streamed after the claim (it searches every judged claim of the team). */
export async function CheckedBefore({ teamId, claimId, articleHref, labels }: Props) {
  const checkedBefore = await findCheckedBefore(db, teamId, claimId);
  return <CheckedBeforePanel checkedBefore={checkedBefore} labels={labels} articleHref={articleHref} />;
}
