"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { teamAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { saveImport } from "@/lib/articles/mutations";
import { readImport } from "@/lib/articles/read-import";
import { saveImportSchema } from "@/lib/articles/schema";
import type { Preview } from "@/components/articles/import-wizard";
import { findArticleByUrl } from "@/lib/articles/queries";
import { fetchArticle } from "@/lib/articles/fetch-article";
import { findUnchangedVersion, recordPageCapture } from "@/lib/articles/page-captures";

const previewSchema = z.object({
  mode: z.enum(["paste", "file", "address"]),
  text: z.string().optional(),
  file: z.instanceof(File).optional(),
  url: z.string().trim().max(2_000).optional(),
  /** A re-fetch: the article whose latest version the page is compared with. */
  articleId: z.string().max(64).optional(),
});

/** Step 1: read the paste or the file (on a parsing worker, within its budget); nothing is stored. */
export const previewImportAction = teamAction({ schema: previewSchema, permission: "content:write" }, async (input, { team, user }): Promise<Preview> => {
  if (input.mode === "address") return previewAddress(input.url, input.articleId, { teamId: team.id, userId: user.id });
  const url = input.url || undefined;
  // A form with no file chosen still sends one, nameless and empty; an empty file has its name
  // (parseUpload then says it is empty).
  const file = input.file?.name ? input.file : undefined;
  const preview =
    input.mode === "file"
      ? file
        ? await readImport({ kind: "file", name: file.name, mimeType: file.type, bytes: new Uint8Array(await file.arrayBuffer()), url })
        : { ok: false as const, message: "Choose a .txt, .md or .html file to upload." }
      : await readImport({ kind: "paste", text: input.text ?? "", url });
  if (!preview.ok) throw new AppError("INVALID_INPUT", preview.message, { [input.mode === "file" ? "file" : "text"]: [preview.message] });
  const sameUrl = preview.value.url ? await findArticleByUrl(db, team.id, preview.value.url) : null;
  return { ...preview.value, sameUrl, source: input.mode === "file" ? `${preview.value.format} file: ${file?.name}` : `pasted ${preview.value.format}` };
});

/**
 * Step 1 by address: fetch the page (the captures' guards and limits), read it, and record what
 * was fetched for the import to keep. A re-fetch whose text is the latest version's stores nothing.
 */
async function previewAddress(url: string | undefined, articleId: string | undefined, actor: { teamId: string; userId: string }): Promise<Preview> {
  if (!url) throw new AppError("INVALID_INPUT", "Enter the article's web address.", { url: ["Enter the article's web address."] });
  const fetched = await fetchArticle(url);
  if (!fetched.ok) throw new AppError("INVALID_INPUT", fetched.message, { url: [fetched.message] });
  const { value, capture } = fetched;
  const fetchedPage = { finalUrl: capture.finalUrl, fetchedAt: capture.fetchedAt.toISOString() };
  const unchanged = articleId ? await findUnchangedVersion(db, actor.teamId, articleId, value.text) : null;
  if (unchanged) return { ...value, sameUrl: null, source: "", fetchedPage: { ...fetchedPage, captureId: null, unchangedSince: unchanged.number } };
  const captureId = await recordPageCapture(db, actor, capture);
  const sameUrl = value.url ? await findArticleByUrl(db, actor.teamId, value.url) : null;
  return { ...value, sameUrl, source: `web page: ${capture.finalUrl}`.slice(0, 300), fetchedPage: { ...fetchedPage, captureId, unchangedSince: null } };
}

/** Step 2: store the reviewed article (or a new version); the same text twice goes to the existing one. */
export const saveImportAction = teamAction({ schema: saveImportSchema, permission: "content:write" }, async (input, { team, user }) => {
  const result = await saveImport(db, { teamId: team.id, userId: user.id }, input);
  const base = `/t/${team.slug}/articles/${result.articleId}`;
  if (result.kind === "duplicate") redirect(`${base}?notice=duplicate&version=${result.versionNumber}`);
  if (result.kind === "created") redirect(`${base}?notice=imported`);
  redirect(`${base}?notice=new-version&version=${result.versionNumber}&moved=${result.moved}&changed=${result.changed}&lost=${result.lost}`);
});
