import { z } from "zod";
import { emptyToUndefined } from "@/lib/auth/schema";

const optionalText = (max: number, label: string) =>
  z.preprocess(emptyToUndefined, z.string().trim().max(max, `${label}: at most ${max} characters`).optional());

export const articleMetadataSchema = z.object({
  title: z.string({ error: "Give the article a title" }).trim().min(1, "Give the article a title").max(500, "Title: at most 500 characters"),
  outlet: optionalText(200, "Outlet"),
  author: optionalText(300, "Author"),
  url: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://" }).max(2_000).optional()),
  publishedAt: z.preprocess(
    emptyToUndefined,
    z.iso.date({ error: "Enter the date as YYYY-MM-DD" }).optional(),
  ),
});
export type ArticleMetadata = z.infer<typeof articleMetadataSchema>;

/** A hidden field holding JSON; text that is not JSON is left as it is for the schema to refuse. */
function parseJsonField(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value || "[]");
  } catch {
    return value;
  }
}

/** What the review step sends back: the read text, the debris lines to drop, the metadata. */
export const saveImportSchema = articleMetadataSchema.extend({
  text: z.string().min(1, "There is no text to import").max(2_200_000),
  removedLines: z.preprocess(parseJsonField, z.array(z.number().int().min(0), { error: "The list of removed lines is damaged; go back and read the article again" }).max(10_000)),
  source: z.string().max(300).default("paste"),
  articleId: z.preprocess(emptyToUndefined, z.string().max(64).optional()),
  /** The page fetched for this preview (import by address), kept with the version. */
  captureId: z.preprocess(emptyToUndefined, z.string().max(64).optional()),
});
export type SaveImportInput = z.infer<typeof saveImportSchema>;
