"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/action";
import type { TeamContext } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import {
  createClaim,
  deleteClaim,
  markAnchorReviewed,
  mergeClaims,
  moveClaim,
  restoreClaim,
  splitClaim,
  updateClaimStatement,
} from "@/lib/claims/mutations";
import {
  claimIdSchema,
  claimRevisionSchema,
  createClaimSchema,
  mergeClaimsSchema,
  moveClaimSchema,
  splitClaimSchema,
  updateClaimSchema,
} from "@/lib/claims/schema";
import { dismissSuggestion, requestSuggestions } from "@/lib/claims/suggestions";
import { articleIdSchema, dismissSuggestionSchema } from "@/lib/claims/schema";
import { countOf } from "@/lib/text/plural";

const write = "content:write" as const;

function actorOf({ team, user }: TeamContext) {
  return { teamId: team.id, userId: user.id };
}

function refresh(context: TeamContext) {
  revalidatePath(`/t/${context.team.slug}/articles`, "layout");
}

export const createClaimAction = teamAction({ schema: createClaimSchema, permission: write }, async (input, context) => {
  const claim = await createClaim(db, actorOf(context), input);
  refresh(context);
  return { ok: true as const, data: { id: claim.id }, message: "Claim added." };
});

/** Answers with what it changed (lib/verification/claim-change.ts), which the list shows; the page is not rendered again. */
export const updateClaimAction = teamAction({ schema: updateClaimSchema, permission: write }, async (input, context) => {
  const change = await updateClaimStatement(db, actorOf(context), input);
  return { ok: true as const, data: change, message: "Statement saved." };
});

export const deleteClaimAction = teamAction({ schema: claimIdSchema, permission: write }, async (input, context) => {
  await deleteClaim(db, actorOf(context), input);
  refresh(context);
  return { ok: true as const, data: { claimId: input.claimId }, message: "Claim deleted." };
});

export const restoreClaimAction = teamAction({ schema: claimIdSchema, permission: write }, async (input, context) => {
  await restoreClaim(db, actorOf(context), input);
  refresh(context);
  return { ok: true as const, data: null, message: "Claim restored." };
});

export const splitClaimAction = teamAction({ schema: splitClaimSchema, permission: write }, async (input, context) => {
  const result = await splitClaim(db, actorOf(context), input);
  refresh(context);
  return { ok: true as const, data: result, message: "Claim split in two." };
});

export const mergeClaimsAction = teamAction({ schema: mergeClaimsSchema, permission: write }, async (input, context) => {
  const result = await mergeClaims(db, actorOf(context), input);
  refresh(context);
  return { ok: true as const, data: result, message: `${countOf(input.claimIds.length, "claim")} merged.` };
});

export const moveClaimAction = teamAction({ schema: moveClaimSchema, permission: write }, async (input, context) => {
  await moveClaim(db, actorOf(context), input);
  refresh(context);
  return null;
});

export const dismissSuggestionAction = teamAction({ schema: dismissSuggestionSchema, permission: write }, async (input, context) => {
  await dismissSuggestion(db, actorOf(context), input);
  refresh(context);
  return null;
});

/**
 * Ranks the article's passages by check-worthiness (claimed, dismissed and accepted ones left
 * out); from now on the workspace marks them in the text on every load.
 */
export const suggestClaimsAction = teamAction({ schema: articleIdSchema, permission: write }, async (input, context) => {
  return requestSuggestions(db, actorOf(context), input);
});

/** Clears the "passage changed/vanished" flag once the editor has looked at the claim; answers as updateClaimAction does. */
export const markAnchorReviewedAction = teamAction({ schema: claimRevisionSchema, permission: write }, async (input, context) => {
  const change = await markAnchorReviewed(db, actorOf(context), input);
  return { ok: true as const, data: change, message: "Marked as reviewed." };
});
