import { z } from "zod";
import { revisionSchema } from "@/lib/revision";
import { CITATION_RELATIONS, SOURCE_KINDS } from "@/lib/sources/types";
import { PASSAGE_MAX } from "./limits";

const id = z.string().min(1).max(64);
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const webUrl = z
  .string()
  .trim()
  .max(2_000, "Keep the address under 2,000 characters")
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), "Give a full web address starting with http:// or https://");
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

export { PASSAGE_MAX };

/** Fields an editor fills in for a citation, shared by "add" and "edit". */
const citationFields = {
  url: optional(webUrl),
  passage: optional(z.string().trim().max(PASSAGE_MAX, `Keep the passage under ${PASSAGE_MAX.toLocaleString("en")} characters`)),
  accessedAt: optional(z.coerce.date({ error: "Give the date you read the source" })),
  archiveUrl: optional(webUrl),
  relation: z.enum(CITATION_RELATIONS, { error: "Choose how the source bears on the claim" }),
  viaCitationId: optional(id),
  isOrigin: checkbox,
  note: optional(z.string().trim().max(2_000, "Keep the note under 2,000 characters")),
};

/**
 * A new citation names a registry source (`sourceId`) or a new one typed inline
 * (`sourceName` + `sourceKind`). `relaysForId`: the new citation is where that
 * citation got its information, so the chain grows one hop towards the origin.
 */
export const addCitationSchema = z
  .object({
    claimId: id,
    sourceId: optional(id),
    sourceName: optional(z.string().trim().min(2, "Name the source").max(200, "Keep the name under 200 characters")),
    sourceKind: optional(z.enum(SOURCE_KINDS)),
    relaysForId: optional(id),
    ...citationFields,
  })
  .refine((value) => value.sourceId || value.sourceName, { message: "Choose a source from the registry or type a new one", path: ["sourceName"] });
export type AddCitationInput = z.infer<typeof addCitationSchema>;

export const updateCitationSchema = z.object({ citationId: id, revision: revisionSchema, sourceId: id, ...citationFields });
export type UpdateCitationInput = z.infer<typeof updateCitationSchema>;

export const citationIdSchema = z.object({ citationId: id });
export const citeOutletSchema = z.object({ claimId: id });
/** "Reuse its citations and chain": from a claim checked before onto this one (reuse.ts). */
export const reuseCitationsSchema = z.object({ claimId: id, fromClaimId: id });
/** "Cite the article's outlet" for the claims ticked in the workspace (cite-outlet.ts). */
export const bulkCiteOutletSchema = z.object({
  articleId: id,
  claimIds: z.array(id).min(1, "Select at least one claim").max(1_000, "Cite for at most 1,000 claims at once"),
});
export type BulkCiteOutletInput = z.infer<typeof bulkCiteOutletSchema>;
