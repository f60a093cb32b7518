import type { Db } from "../lib/config/prisma-client";
import { findDebris } from "../lib/articles/clean";
import { saveImport } from "../lib/articles/mutations";
import { previewImport } from "../lib/articles/preview";
import { DEMO_ARTICLE } from "./demo-data";

/**
 * Imports the fixture the way an editor would (read, debris removed) as the team's first
 * article. The content hash makes a second run find it instead of adding it again.
 */
export async function importDemoArticle(db: Db, input: { teamId: string; userId: string; bytes: Uint8Array }) {
  const preview = previewImport({ kind: "file", name: DEMO_ARTICLE.file, bytes: input.bytes });
  if (!preview.ok) throw new Error(`The demo fixture could not be read: ${preview.message}`);
  const { text, title } = preview.value;
  const result = await saveImport(db, { teamId: input.teamId, userId: input.userId }, {
    title,
    outlet: DEMO_ARTICLE.outlet,
    text,
    removedLines: findDebris(text).map((line) => line.index),
    source: `text file: ${DEMO_ARTICLE.file}`,
  });
  return result.articleId;
}
