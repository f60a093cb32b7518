"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/auth/action";
import { signUpSchema } from "@/lib/auth/schema";
import { signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readClientAddress } from "@/lib/http/client-address";
import { throttleSignUp } from "@/lib/limits/throttles";
import { acceptInvitation, findInvitation } from "@/lib/teams/invitations";
import { invitationStatusMessages } from "@/lib/teams/invitation-token";

export const signUpAction = publicAction({ schema: signUpSchema }, async (input) => {
  if (input.invitation) {
    // Check the link before creating anything, so a dead link leaves no account behind.
    const invitation = await findInvitation(db, input.invitation);
    if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
    if (invitation.status !== "valid") throw new AppError("GONE", invitationStatusMessages[invitation.status]);
  }
  const ip = readClientAddress(await headers());
  if (!input.invitation) await throttleSignUp(db, ip);
  const { user, team } = await signUp(db, input, ip);
  const joined = input.invitation ? await acceptInvitation(db, { token: input.invitation, userId: user.id }) : team!;
  return { teamSlug: joined.slug };
});
