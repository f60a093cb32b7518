"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { emptyToUndefined } from "@/lib/auth/schema";
import { db } from "@/lib/db";
import { getAuthSecret } from "@/lib/env";
import { acceptInvitation } from "@/lib/teams/invitations";
import { isMailedInvitation } from "@/lib/teams/invitation-proof";

const acceptSchema = z.object({
  token: z.string().min(10).max(200),
  /** The mark of a mailed link (lib/teams/invitation-proof.ts), when the link came by mail. */
  mailed: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
});

export const acceptInvitationAction = userAction({ schema: acceptSchema }, async ({ token, mailed }, user) => {
  const isMailed = isMailedInvitation(token, mailed, getAuthSecret());
  const team = await acceptInvitation(db, { token, userId: user.id, isMailed });
  redirect(`/t/${team.slug}?notice=joined`);
});
