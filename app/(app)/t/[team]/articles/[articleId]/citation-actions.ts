"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/action";
import type { TeamContext } from "@/lib/auth/guard";
import { citeOutletForClaims } from "@/lib/citations/cite-outlet";
import { addCitation, citeArticleOutlet, removeCitation, updateCitation } from "@/lib/citations/mutations";
import { reuseCitations } from "@/lib/citations/reuse";
import { addCitationSchema, bulkCiteOutletSchema, citationIdSchema, citeOutletSchema, reuseCitationsSchema, updateCitationSchema } from "@/lib/citations/schema";
import { countOf } from "@/lib/text/plural";
import { db } from "@/lib/db";

const write = "content:write" as const;

function actorOf({ team, user }: TeamContext) {
  return { teamId: team.id, userId: user.id };
}

function refresh(context: TeamContext) {
  revalidatePath(`/t/${context.team.slug}`, "layout");
}

export const addCitationAction = teamAction({ schema: addCitationSchema, permission: write }, async (input, context) => {
  const citation = await addCitation(db, actorOf(context), input);
  refresh(context);
  return { ok: true as const, data: citation, message: `Citation of ${citation.sourceName} added.` };
});

export const updateCitationAction = teamAction({ schema: updateCitationSchema, permission: write }, async (input, context) => {
  await updateCitation(db, actorOf(context), input);
  refresh(context);
  return { ok: true as const, data: null, message: "Citation saved." };
});

export const removeCitationAction = teamAction({ schema: citationIdSchema, permission: write }, async (input, context) => {
  await removeCitation(db, actorOf(context), input);
  refresh(context);
  return { ok: true as const, data: null, message: "Citation removed." };
});

export const citeArticleOutletAction = teamAction({ schema: citeOutletSchema, permission: write }, async (input, context) => {
  const citation = await citeArticleOutlet(db, actorOf(context), input);
  refresh(context);
  return { ok: true as const, data: citation, message: `Citation of ${citation.sourceName} added.` };
});

/**
 * "Cite the article's outlet" for the ticked claims: one transaction per claim, a claim already
 * citing it skipped and said so. Renders the page again, as the other citation actions do.
 */
export const bulkCiteOutletAction = teamAction({ schema: bulkCiteOutletSchema, permission: write }, async (input, context) => {
  const result = await citeOutletForClaims(db, actorOf(context), input);
  if (result.cited.length > 0) refresh(context);
  const name = result.source?.name ?? "the outlet";
  const added = result.sourceAdded ? ` (${name} added to the registry)` : "";
  const already = result.alreadyCiting.length > 0 ? `; ${countOf(result.alreadyCiting.length, "claim")} already cited it` : "";
  const skipped = result.skipped.length > 0 ? `; ${countOf(result.skipped.length, "claim")} skipped` : "";
  return { ok: true as const, data: result, message: `${countOf(result.cited.length, "claim")} now cite ${name}${added}${already}${skipped}.` };
});

/** Answers with what it copied; the page is rendered again with the new citations, as for the other citation actions. */
export const reuseCitationsAction = teamAction({ schema: reuseCitationsSchema, permission: write }, async (input, context) => {
  const result = await reuseCitations(db, actorOf(context), input);
  refresh(context);
  const already = result.alreadyCited > 0 ? ` (${countOf(result.alreadyCited, "citation")} already here)` : "";
  const message = result.added > 0
    ? `${countOf(result.added, "citation")} reused from “${result.fromArticleTitle}”${already}.`
    : `Nothing to add: this claim already cites all of it${already}.`;
  return { ok: true as const, data: result, message };
});
