"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { sendLinkMail } from "@/lib/auth/account-mail";
import { issueVerificationLink } from "@/lib/auth/email-verification";
import { describeLinkResent } from "@/lib/auth/messages";
import { emailSchema } from "@/lib/auth/schema";
import { db } from "@/lib/db";
import { isMailEnabled } from "@/lib/env";

/**
 * "Send it again" on the sign-in form: a new verification link for an account waiting for one.
 * Throttled per account, and the same answer whether or not there is such an account.
 */
export const resendVerificationAction = publicAction({ schema: z.object({ email: emailSchema }) }, async ({ email }) => {
  // Without mail no sign-in waits for a link (lib/auth/email-proof.ts), so there is nothing to send.
  if (isMailEnabled()) {
    const issued = await issueVerificationLink(db, email);
    if (issued) await sendLinkMail("verify", issued);
  }
  return { ok: true as const, data: null, message: describeLinkResent(email) };
});
