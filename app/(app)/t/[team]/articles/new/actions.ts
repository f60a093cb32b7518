"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { teamAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { saveImport } from "@/lib/articles/mutations";
import { readImport } from "@/lib/articles/read-import";
import { saveImportSchema } from "@/lib/articles/schema";
import { findArticleByUrl } from "@/lib/articles/queries";

const previewSchema = z.object({
  mode: z.enum(["paste", "file"]),
  text: z.string().optional(),
  file: z.instanceof(File).optional(),
  url: z.string().trim().max(2_000).optional(),
});

/** Step 1: read the paste or the file (on a parsing worker, within its budget); nothing is stored. */
export const previewImportAction = teamAction({ schema: previewSchema, permission: "content:write" }, async (input, { team }) => {
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

/** Step 2: store the reviewed article (or a new version); the same text twice goes to the existing one. */
export const saveImportAction = teamAction({ schema: saveImportSchema, permission: "content:write" }, async (input, { team, user }) => {
  const result = await saveImport(db, { teamId: team.id, userId: user.id }, input);
  const base = `/t/${team.slug}/articles/${result.articleId}`;
  if (result.kind === "duplicate") redirect(`${base}?notice=duplicate&version=${result.versionNumber}`);
  if (result.kind === "created") redirect(`${base}?notice=imported`);
  redirect(`${base}?notice=new-version&version=${result.versionNumber}&moved=${result.moved}&changed=${result.changed}&lost=${result.lost}`);
});
