/** What the team concluded about a claim. Meanings are fixed; teams may rename the labels. */
export const VERDICTS = ["accurate", "misleading", "false", "unsubstantiated", "not_checkable"] as const;
export type Verdict = (typeof VERDICTS)[number];

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === "string" && (VERDICTS as readonly string[]).includes(value);
}

/** ClaimReview reviewRating scale: 1 is false, 5 is true. */
export const WORST_RATING = 1;
export const BEST_RATING = 5;

/**
 * `ratingValue` on the 1-5 scale, higher = more true:
 * false 1, misleading 2, unsubstantiated 3 (neither shown true nor shown false:
 * the midpoint), accurate 5. 4 is left free for a later "mostly accurate".
 * not_checkable has no value: it is not a judgement of truth at all, and
 * ClaimReview lets a rating be given by `alternateName` alone.
 */
export type VerdictDefinition = {
  label: string;
  alternateName: string;
  ratingValue: number | null;
  meaning: string;
};

export const DEFAULT_VERDICTS: Readonly<Record<Verdict, Readonly<VerdictDefinition>>> = {
  accurate: {
    label: "Accurate",
    alternateName: "Accurate",
    ratingValue: 5,
    meaning: "The claim is correct and nothing left out changes what it means.",
  },
  misleading: {
    label: "Misleading",
    alternateName: "Misleading",
    ratingValue: 2,
    meaning: "The facts may be right, but the claim gives a false impression.",
  },
  false: {
    label: "False",
    alternateName: "False",
    ratingValue: 1,
    meaning: "The evidence shows the claim is wrong.",
  },
  unsubstantiated: {
    label: "Unsubstantiated",
    alternateName: "Unsubstantiated",
    ratingValue: 3,
    meaning: "No evidence was found to support the claim, nor to refute it.",
  },
  not_checkable: {
    label: "Not checkable",
    alternateName: "Not checkable",
    ratingValue: null,
    meaning: "The claim is an opinion, a prediction or otherwise not a matter of fact.",
  },
};

/**
 * A team's own words for a verdict, and optionally its own number on the 1-5 scale. The meaning
 * cannot be overridden, and numbers only count while they keep the order (see `resolveRatings`).
 */
export type VerdictLabelOverride = { label?: string | null; alternateName?: string | null; ratingValue?: number | null };
export type TeamVerdictLabels = Partial<Record<Verdict, VerdictLabelOverride>>;

const RATED_VERDICTS = ["false", "misleading", "unsubstantiated", "accurate"] as const satisfies readonly Verdict[];

function isRating(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= WORST_RATING && value <= BEST_RATING;
}

/**
 * Why a team's numbers cannot stand, or null when they can: higher must mean more true, so
 * "false" is rated below every other verdict and "accurate" above every other.
 * "not checkable" is never rated.
 */
export function checkRatingOrder(labels?: TeamVerdictLabels | null): string | null {
  const rating = (verdict: (typeof RATED_VERDICTS)[number]) => {
    const value = labels?.[verdict]?.ratingValue;
    return isRating(value) ? value : (DEFAULT_VERDICTS[verdict].ratingValue as number);
  };
  for (const verdict of RATED_VERDICTS) {
    const value = labels?.[verdict]?.ratingValue;
    if (value != null && !isRating(value)) return `Ratings are whole numbers from ${WORST_RATING} to ${BEST_RATING}.`;
  }
  const [worst, middle1, middle2, best] = RATED_VERDICTS.map(rating);
  if (!(worst < Math.min(middle1, middle2, best))) return "‘False’ must be rated below every other verdict (higher means more true).";
  if (!(best > Math.max(worst, middle1, middle2))) return "‘Accurate’ must be rated above every other verdict (higher means more true).";
  return null;
}

/**
 * The definition of a verdict with the team's wording. A renamed label also
 * renames the public `alternateName` unless the team set that separately, so
 * readers see the word the team publishes. Blank overrides are ignored; the
 * team's numbers are used only while they keep the order (checkRatingOrder),
 * and a meaning is never read from stored settings.
 */
export function defineVerdict(verdict: Verdict, labels?: TeamVerdictLabels | null): VerdictDefinition {
  const base = DEFAULT_VERDICTS[verdict];
  const override = labels?.[verdict];
  const label = override?.label?.trim() || base.label;
  const alternateName = override?.alternateName?.trim() || override?.label?.trim() || base.alternateName;
  const isTeamScale = base.ratingValue !== null && isRating(override?.ratingValue) && checkRatingOrder(labels) === null;
  return { label, alternateName, ratingValue: isTeamScale ? (override?.ratingValue as number) : base.ratingValue, meaning: base.meaning };
}

/** The label an editor sees for a verdict, with the team's wording. */
export function labelVerdict(verdict: Verdict, labels?: TeamVerdictLabels | null): string {
  return defineVerdict(verdict, labels).label;
}

/** Every verdict's label in the team's wording, for screens that show them all. */
export function labelVerdicts(labels?: TeamVerdictLabels | null): Record<Verdict, string> {
  return Object.fromEntries(VERDICTS.map((verdict) => [verdict, labelVerdict(verdict, labels)])) as Record<Verdict, string>;
}

/** schema.org Rating for a ClaimReview's `reviewRating`. */
export type ClaimReviewRating = {
  "@type": "Rating";
  alternateName: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
};

export function buildClaimReviewRating(verdict: Verdict, labels?: TeamVerdictLabels | null): ClaimReviewRating {
  const { alternateName, ratingValue } = defineVerdict(verdict, labels);
  if (ratingValue === null) return { "@type": "Rating", alternateName };
  return { "@type": "Rating", alternateName, ratingValue, bestRating: BEST_RATING, worstRating: WORST_RATING };
}
