import { z } from "zod";
import { revisionSchema } from "@/lib/revision";
import { CLAIM_STATUSES } from "@/lib/claims/status";
import { EVIDENCE_RULES } from "./rules";
import { checkRatingOrder, VERDICTS } from "./verdicts";

const id = z.string().min(1).max(64);
const revision = revisionSchema;
const note = z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().max(2_000, "Keep the note under 2,000 characters").optional());
export const RATIONALE_MAX = 10_000;

export const setStatusSchema = z.object({ claimId: id, revision, status: z.enum(CLAIM_STATUSES, { error: "Choose a state" }), note });
export type SetStatusInput = z.infer<typeof setStatusSchema>;

export const giveVerdictSchema = z.object({
  claimId: id,
  revision,
  verdict: z.enum(VERDICTS, { error: "Choose a verdict" }),
  rationale: z.string().trim().max(RATIONALE_MAX, `Keep the rationale under ${RATIONALE_MAX.toLocaleString("en")} characters`),
});
export type GiveVerdictInput = z.infer<typeof giveVerdictSchema>;

export const signOffSchema = z.object({ claimId: id, revision, note });
/** Each claim with the revision its verdict was reviewed at: a claim changed since is refused. */
export const bulkSignOffSchema = z.object({
  articleId: id,
  claims: z.array(z.object({ claimId: id, revision })).min(1, "Select at least one claim").max(200, "Sign off at most 200 claims at once"),
  note,
});
export type BulkSignOffInput = z.infer<typeof bulkSignOffSchema>;
export const withdrawVerdictSchema = z.object({ claimId: id, revision, note: z.string().trim().min(3, "Say why the verdict is withdrawn").max(2_000) });

const assignee = z.preprocess((value) => (value === "" || value === "none" ? null : value), id.nullable());
export const assignClaimSchema = z.object({ claimId: id, assigneeId: assignee });

export const bulkUpdateSchema = z
  .object({
    articleId: id,
    claimIds: z.array(id).min(1, "Select at least one claim").max(1_000),
    assigneeId: assignee.optional(),
    status: z.enum(CLAIM_STATUSES).optional(),
    note,
  })
  .refine((value) => value.assigneeId !== undefined || value.status, { message: "Choose an assignee or a state", path: ["status"] });
export type BulkUpdateInput = z.infer<typeof bulkUpdateSchema>;

export const commentSchema = z.object({ claimId: id, body: z.string().trim().min(1, "Write a comment").max(5_000, "Keep the comment under 5,000 characters") });

const label = z.string().trim().max(60, "Keep labels under 60 characters").optional();
const rating = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? undefined : Number(value)),
  z.number({ error: "Give a whole number from 1 to 5" }).int("Give a whole number from 1 to 5").min(1, "Give a whole number from 1 to 5").max(5, "Give a whole number from 1 to 5").optional(),
);
const verdictWording = z.object({ label, alternateName: label, ratingValue: rating });

/** The form posts flat fields (`label_accurate`, `alternateName_accurate`, ...); they are gathered per verdict. */
function gatherLabels(raw: unknown) {
  const values = (raw ?? {}) as Record<string, unknown>;
  const labels = Object.fromEntries(
    VERDICTS.map((verdict) => [
      verdict,
      { label: values[`label_${verdict}`], alternateName: values[`alternateName_${verdict}`], ratingValue: values[`rating_${verdict}`] },
    ]),
  );
  return { ...values, labels: values.labels ?? labels };
}

export const verificationSettingsSchema = z.preprocess(
  gatherLabels,
  z.object({
    /** The settings' revision the form was loaded with (lib/verification/settings-mutations.ts). */
    revision,
    labels: z.object(Object.fromEntries(VERDICTS.map((verdict) => [verdict, verdictWording])) as Record<(typeof VERDICTS)[number], typeof verdictWording>),
    accurateNeeds: z.enum(EVIDENCE_RULES, { error: "Choose what an accurate verdict needs" }),
    requireSignOff: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
    strictCaptures: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
  }).superRefine((settings, ctx) => {
    const problem = checkRatingOrder(settings.labels);
    if (problem) ctx.addIssue({ code: "custom", path: ["ratings"], message: problem });
  }),
);
export type VerificationSettingsInput = z.infer<typeof verificationSettingsSchema>;
