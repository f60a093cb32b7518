"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/teams/invitations";

const acceptSchema = z.object({ token: z.string().min(10).max(200) });

export const acceptInvitationAction = userAction({ schema: acceptSchema }, async ({ token }, user) => {
  const team = await acceptInvitation(db, { token, userId: user.id });
  redirect(`/t/${team.slug}?notice=joined`);
});
