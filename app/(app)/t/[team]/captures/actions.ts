"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { throttleCaptures } from "@/lib/limits/throttles";
import { captureCitation, captureCitationSchema } from "@/lib/sources/capture";

/** Fetch a citation's page now, store the snapshot and check the cited passage. */
export const captureCitationAction = teamAction({ schema: captureCitationSchema, permission: "content:write" }, async (input, { team, user }) => {
  await throttleCaptures(db, { teamId: team.id, userId: user.id });
  const summary = await captureCitation(db, { teamId: team.id, userId: user.id }, input);
  revalidatePath(`/t/${team.slug}/articles`, "layout");
  return { ok: true as const, data: summary, message: summary.message };
});
