import { z } from "zod";
import { revisionSchema } from "@/lib/revision";
import { emptyToUndefined } from "@/lib/auth/schema";
import { truncate } from "@/lib/text/truncate";
import { normalizeDomain } from "./normalize";
import { SOURCE_KINDS } from "./types";

const id = z.string().min(1).max(64);
export const DOMAINS_MAX = 50;

const optionalText = (max: number, label: string) =>
  z.preprocess(emptyToUndefined, z.string().trim().max(max, `${label}: at most ${max} characters`).optional());

/**
 * "thedailybeast.com, https://www.dailybeast.com/x" or an array of the same, as bare unique
 * hosts. A host needs a dot: a lone word is far more often a typo than a real domain.
 */
export const domainsSchema = z
  .union([z.string().max(5_000), z.array(z.string().max(2_000)).max(DOMAINS_MAX)])
  .optional()
  .transform((value, context) => {
    const entries = (Array.isArray(value) ? value : (value ?? "").split(/[\s,;]+/)).map((entry) => entry.trim()).filter(Boolean);
    const hosts = new Set<string>();
    for (const entry of entries) {
      const host = normalizeDomain(entry);
      if (!host || !/[.:]/.test(host)) {
        context.addIssue({ code: "custom", message: `“${truncate(entry, 80)}” is not a domain; write it like example.com` });
        return z.NEVER;
      }
      hosts.add(host);
    }
    if (hosts.size > DOMAINS_MAX) {
      context.addIssue({ code: "custom", message: `List at most ${DOMAINS_MAX} domains` });
      return z.NEVER;
    }
    return [...hosts];
  });

/** A form checkbox ("on"), a hidden field ("true", "1") or a boolean from code. */
const booleanish = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());

const sourceFields = {
  name: z.string({ error: "Name the source" }).trim().min(1, "Name the source").max(200, "Name: at most 200 characters"),
  kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source this is" }),
  homepage: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://" }).max(2_000).optional(),
  ),
  domains: domainsSchema,
  notes: optionalText(5_000, "Notes"),
  reliability: optionalText(2_000, "Reliability notes"),
  /** The editor has seen the duplicate warning and says this is a different source. */
  confirmDuplicate: booleanish.optional(),
};

export const createSourceSchema = z.object(sourceFields);
export type CreateSourceInput = z.output<typeof createSourceSchema>;

export const updateSourceSchema = z.object({
  ...sourceFields,
  sourceId: id,
  revision: revisionSchema,
});
export type UpdateSourceInput = z.output<typeof updateSourceSchema>;

/** Ids as an array, or as one comma-separated form field (a form sends one value per name). */
const idList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",").map((part) => part.trim()).filter(Boolean) : value),
  z.array(id).min(1, "Choose at least one source to merge").max(20, "Merge at most 20 sources at once"),
);

export const mergeSourcesSchema = z.object({
  keepId: id,
  mergeIds: idList,
});
export type MergeSourcesInput = z.output<typeof mergeSourcesSchema>;

export const searchSourcesSchema = z.object({
  q: z.string().max(200, "Search: at most 200 characters").default(""),
});
export type SearchSourcesInput = z.output<typeof searchSourcesSchema>;
