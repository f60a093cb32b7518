"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/auth/action";
import { mailSignUpAttempt, mailVerificationLink } from "@/lib/auth/account-mail";
import { signUpSchema } from "@/lib/auth/schema";
import { isEmailTakenError, noteSignUpWithTakenEmail, signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { getAuthSecret, isMailEnabled } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readClientAddress } from "@/lib/http/client-address";
import { throttleSignUp } from "@/lib/limits/throttles";
import { acceptInvitation, findInvitation } from "@/lib/teams/invitations";
import { isMailedInvitation } from "@/lib/teams/invitation-proof";
import { findAddressMismatch, invitationStatusMessages } from "@/lib/teams/invitation-token";

/** What the form does next: sign in and open the team, or tell the person to check their inbox. */
export type SignUpOutcome = { next: "sign-in"; teamSlug: string } | { next: "check-inbox"; email: string };

export const signUpAction = publicAction({ schema: signUpSchema }, async (input): Promise<SignUpOutcome> => {
  const ip = readClientAddress(await headers());
  if (input.invitation) {
    // Check the link before creating anything, so a dead link (or another address) leaves no account behind.
    const invitation = await findInvitation(db, input.invitation);
    if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
    if (invitation.status !== "valid") throw new AppError("GONE", invitationStatusMessages[invitation.status]);
    const mismatch = findAddressMismatch(invitation.email, input.email);
    if (mismatch) throw new AppError("FORBIDDEN", mismatch, { email: [mismatch] });
    // The owner named this address; the link came through its mailbox when it carries the mail mark.
    const { user } = await signUp(db, input, ip);
    const isMailed = isMailedInvitation(input.invitation, input.mailed, getAuthSecret());
    const joined = await acceptInvitation(db, { token: input.invitation, userId: user.id, isMailed });
    return { next: "sign-in", teamSlug: joined.slug };
  }
  // A sign-up that makes a team is throttled per address and in all, counted before anything else
  // (an invitation's sign-up above makes no team and needs the owner's link).
  await throttleSignUp(db, ip);
  if (!isMailEnabled()) {
    // No mail, no channel to answer "check your inbox" through: a taken address is said plainly
    // (docs/decisions/0009-email-ownership.md); the account is usable, but never linked to SSO.
    const { team } = await signUp(db, input, ip);
    return { next: "sign-in", teamSlug: team!.slug };
  }
  // With mail, the answer is the same for a new and a registered address; only the mailbox learns which.
  try {
    const { user } = await signUp(db, input, ip);
    await mailVerificationLink(db, user);
  } catch (error) {
    if (!isEmailTakenError(error)) throw error;
    const note = await noteSignUpWithTakenEmail(db, input.email, ip);
    if (note.shouldNotify) await mailSignUpAttempt({ email: input.email, name: note.name });
  }
  return { next: "check-inbox", email: input.email };
});
