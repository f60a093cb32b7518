import fs from "node:fs";
import path from "node:path";

/** The server actions the load and fault tests call, by exported name. */
export const ACTION_NAMES = ["addCommentAction", "setClaimStatusAction", "addCitationAction", "updateClaimAction", "createClaimAction", "giveVerdictAction"] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/**
 * Action ids of the production build: Next names each server action by a hash that changes
 * with every build, and lists them in `.next/server/server-reference-manifest.json`.
 */
export function readActionIds(distDir = ".next"): Record<ActionName, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const ids = {} as Record<ActionName, string>;
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename.startsWith("app/(app)/t/[team]/articles/[articleId]/")) continue;
    if ((ACTION_NAMES as readonly string[]).includes(entry.exportedName)) ids[entry.exportedName as ActionName] = id;
  }
  const missing = ACTION_NAMES.filter((name) => !ids[name]);
  if (missing.length) throw new Error(`not in the build's server-reference manifest: ${missing.join(", ")} (run next build)`);
  return ids;
}
