import { z } from "zod";
import { revisionSchema } from "@/lib/revision";

const id = z.string().min(1).max(64);
const offset = z.coerce.number().int().min(0).max(10_000_000);
export const STATEMENT_MAX = 2_000;

export const statementSchema = z
  .string()
  .trim()
  .min(3, "Write what is claimed, in a sentence that stands alone")
  .max(STATEMENT_MAX, `Keep the statement under ${STATEMENT_MAX} characters`);

export const createClaimSchema = z
  .object({
    articleId: id,
    start: offset,
    end: offset,
    statement: z.preprocess((value) => (value === "" ? undefined : value), statementSchema.optional()),
    /** The passage was a suggestion the editor accepted: recorded for the team's acceptance rate. */
    fromSuggestion: z.boolean().optional(),
  })
  .refine((value) => value.end > value.start, { message: "Select some text first", path: ["start"] });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const updateClaimSchema = z.object({
  claimId: id,
  revision: revisionSchema,
  statement: statementSchema,
  note: z.string().trim().max(500).optional(),
});

export const claimIdSchema = z.object({ claimId: id });
export const claimRevisionSchema = z.object({ claimId: id, revision: revisionSchema });
export const splitClaimSchema = z.object({ claimId: id, revision: revisionSchema, at: offset });
export const mergeClaimsSchema = z.object({
  claimIds: z.array(id).min(2, "Choose at least two claims to merge").max(50),
});
export const moveClaimSchema = z.object({ claimId: id, direction: z.enum(["up", "down"]) });
export const dismissSuggestionSchema = z.object({ articleId: id, sentence: z.string().min(1).max(5_000) });
export const articleIdSchema = z.object({ articleId: id });
