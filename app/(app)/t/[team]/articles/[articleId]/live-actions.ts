"use server";

import { z } from "zod";
import { teamAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readDecidedSuggestions } from "@/lib/claims/queries";
import { readWorkspaceRows } from "@/lib/claims/workspace-rows";
import { readClaimStates } from "@/lib/verification/claim-change";

const readStatesSchema = z.object({
  claimIds: z.array(z.string().min(1).max(64)).min(1, "Name at least one claim").max(200, "At most 200 claims at once"),
});

/**
 * The claims' states as they stand (the fields a change's answer carries), for a page that learnt
 * from the live feed that a colleague changed them: it patches what it shows instead of loading
 * the page again. A claim of another team is not found, like every other object id. Reads only.
 */
export const readClaimStatesAction = teamAction({ schema: readStatesSchema, permission: "team:read" }, async (input, context) => {
  const states = await readClaimStates(db, context.team.id, input.claimIds);
  if (states.length < new Set(input.claimIds).size) throw new AppError("NOT_FOUND", "Some of these claims do not exist in this team.");
  return { ok: true as const, data: states };
});

/**
 * The article's decided suggested passages (their hashes), for a workspace that learnt from the
 * live feed that a colleague dismissed one: it drops them from the suggestions it marks. An
 * article of another team is not found. Reads only.
 */
export const readDecidedSuggestionsAction = teamAction({ schema: z.object({ articleId: z.string().min(1).max(64) }), permission: "team:read" }, async (input, context) => {
  const decided = await readDecidedSuggestions(db, context.team.id, input.articleId);
  if (!decided) throw new AppError("NOT_FOUND", "This article does not exist in this team.");
  return { ok: true as const, data: decided };
});

const readRowsSchema = z.object({
  articleId: z.string().min(1).max(64),
  claimIds: z.array(z.string().min(1).max(64)).min(1, "Name at least one claim").max(200, "At most 200 claims at once"),
});

/**
 * For a workspace that learnt from the live feed that a colleague added, split, merged, deleted,
 * restored, moved or re-anchored claims, or changed their sources: the named claims' rows as the
 * page lists them, the article's live claims in order and its recently deleted ones, so the page
 * inserts, replaces, removes and reorders without loading itself again (decision 0022). A claim
 * or article of another team is not found, like every other object id. Reads only.
 */
export const readWorkspaceRowsAction = teamAction({ schema: readRowsSchema, permission: "team:read" }, async (input, context) => {
  const rows = await readWorkspaceRows(db, context.team.id, input.articleId, input.claimIds);
  if (!rows) throw new AppError("NOT_FOUND", "This article or some of these claims do not exist in this team.");
  return { ok: true as const, data: rows };
});
