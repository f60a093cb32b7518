"use server";

import { teamAction } from "@/lib/auth/action";
import type { TeamContext } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { bulkUpdateClaims, assignClaim } from "@/lib/verification/assignment";
import { signOffClaims } from "@/lib/verification/bulk-sign-off";
import { addComment } from "@/lib/verification/comments";
import { giveVerdict, setClaimStatus, signOffVerdict, withdrawVerdict } from "@/lib/verification/mutations";
import {
  assignClaimSchema,
  bulkSignOffSchema,
  bulkUpdateSchema,
  commentSchema,
  giveVerdictSchema,
  setStatusSchema,
  signOffSchema,
  withdrawVerdictSchema,
} from "@/lib/verification/schema";
import { countOf } from "@/lib/text/plural";

const write = "content:write" as const;

/** The session read the actor's name on this request: an answer names them without reading it again. */
function actorOf({ team, user }: TeamContext) {
  return { teamId: team.id, userId: user.id, name: user.name };
}

// Each answers with what it changed (lib/verification/claim-change.ts), which the page shows; none
// renders the page again (docs/decisions/0014-changes-answer-with-what-they-did.md).

export const setClaimStatusAction = teamAction({ schema: setStatusSchema, permission: write }, async (input, context) => {
  const change = await setClaimStatus(db, actorOf(context), input);
  return { ok: true as const, data: change, message: "State changed." };
});

export const giveVerdictAction = teamAction({ schema: giveVerdictSchema, permission: write }, async (input, context) => {
  const change = await giveVerdict(db, actorOf(context), input);
  return { ok: true as const, data: change, message: change.needsSignOff ? "Verdict recorded; it counts once a second editor signs it off." : "Verdict recorded." };
});

export const signOffVerdictAction = teamAction({ schema: signOffSchema, permission: write }, async (input, context) => {
  const change = await signOffVerdict(db, actorOf(context), input);
  return { ok: true as const, data: change, message: "Verdict signed off." };
});

export const withdrawVerdictAction = teamAction({ schema: withdrawVerdictSchema, permission: write }, async (input, context) => {
  const change = await withdrawVerdict(db, actorOf(context), input);
  return { ok: true as const, data: change, message: "Verdict withdrawn." };
});

export const assignClaimAction = teamAction({ schema: assignClaimSchema, permission: write }, async (input, context) => {
  const change = await assignClaim(db, actorOf(context), input);
  return { ok: true as const, data: change, message: input.assigneeId ? "Claim assigned." : "Claim unassigned." };
});

export const bulkUpdateClaimsAction = teamAction({ schema: bulkUpdateSchema, permission: write }, async (input, context) => {
  const result = await bulkUpdateClaims(db, actorOf(context), input);
  const skipped = result.skipped.length ? `; ${result.skipped.length} skipped: ${result.skipped[0].reason}` : "";
  return { ok: true as const, data: result, message: `${countOf(result.updated, "claim")} updated${skipped}` };
});

/** Signs off the reviewed claims one by one through the single sign-off; the answer lists the refused ones with why. */
export const bulkSignOffAction = teamAction({ schema: bulkSignOffSchema, permission: write }, async (input, context) => {
  const result = await signOffClaims(db, actorOf(context), input);
  const refused = result.refused.length ? `; ${countOf(result.refused.length, "claim")} refused` : "";
  return { ok: true as const, data: result, message: `${countOf(result.signed.length, "verdict")} signed off${refused}.` };
});

export const addCommentAction = teamAction({ schema: commentSchema, permission: write }, async (input, context) => {
  const change = await addComment(db, actorOf(context), input);
  return { ok: true as const, data: change, message: "Comment added." };
});
