"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { teamAction } from "@/lib/auth/action";
import type { TeamContext } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { createSource, mergeSources, updateSource } from "@/lib/sources/mutations";
import { searchSources } from "@/lib/sources/queries";
import { createSourceSchema, mergeSourcesSchema, searchSourcesSchema, updateSourceSchema } from "@/lib/sources/schema";

const write = "content:write" as const;

/** `open=1` (the registry's own form) goes to the new source; inline callers get its id back. */
const createSourceFormSchema = createSourceSchema.extend({ open: z.literal("1").optional() });

function actorOf({ team, user }: TeamContext) {
  return { teamId: team.id, userId: user.id };
}

function refresh(context: TeamContext) {
  revalidatePath(`/t/${context.team.slug}/sources`, "layout");
}

export const createSourceAction = teamAction({ schema: createSourceFormSchema, permission: write }, async (input, context) => {
  const source = await createSource(db, actorOf(context), input);
  refresh(context);
  if (input.open) redirect(`/t/${context.team.slug}/sources/${source.id}?notice=created`);
  return { ok: true as const, data: source, message: `${source.name} added to the sources.` };
});

export const updateSourceAction = teamAction({ schema: updateSourceSchema, permission: write }, async (input, context) => {
  const saved = await updateSource(db, actorOf(context), input);
  refresh(context);
  return { ok: true as const, data: saved, message: "Source saved." };
});

/** After a merge the merged entries are tombstones, so the editor goes to the kept source. */
export const mergeSourcesAction = teamAction({ schema: mergeSourcesSchema, permission: write }, async (input, context) => {
  const result = await mergeSources(db, actorOf(context), input);
  refresh(context);
  redirect(`/t/${context.team.slug}/sources/${result.keepId}?notice=merged&count=${result.mergedCount}&moved=${result.citationsMoved}`);
});

/** Autocomplete for the citation form: `{ team, q }` in, `data: [{ id, name, kind, domains }]` out. */
export const searchSourcesAction = teamAction({ schema: searchSourcesSchema, permission: "team:read" }, async (input, { team }) => {
  return searchSources(db, team.id, input.q);
});
