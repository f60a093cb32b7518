import { findDebris } from "./clean";
import { hashContent } from "./content-hash";
import { parseUpload, type UploadInput } from "./parse-upload";

export type ImportPreview = {
  title: string;
  author: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
  format: string;
  debris: Array<{ index: number; text: string; label: string }>;
  contentHash: string;
};

/**
 * Reads a paste or an upload into plain text and metadata, and flags page debris for the
 * editor to confirm. Nothing is stored here; refusals come back as { ok: false, message }.
 */
export function previewImport(input: UploadInput): { ok: true; value: ImportPreview } | { ok: false; message: string } {
  const parsed = parseUpload(input);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const article = parsed.value;
  const debris = findDebris(article.text).map(({ index, text, label }) => ({ index, text, label }));
  return {
    ok: true,
    value: {
      title: article.title ?? "",
      author: article.author,
      outlet: article.outlet,
      url: article.url ?? input.url ?? null,
      publishedAt: article.publishedAt?.slice(0, 10) ?? null,
      text: article.text,
      format: article.format,
      debris,
      contentHash: hashContent(article.text),
    },
  };
}
