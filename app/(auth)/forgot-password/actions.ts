"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { sendLinkMail } from "@/lib/auth/account-mail";
import { describeResetMailed } from "@/lib/auth/messages";
import { issuePasswordResetLink } from "@/lib/auth/password-reset";
import { emailSchema } from "@/lib/auth/schema";
import { db } from "@/lib/db";
import { isMailEnabled } from "@/lib/env";

const NO_MAIL = "This server does not send mail. Ask your administrator for a password-reset link (npm run user:reset-password).";

/** Mails a single-use reset link; the same answer for every address, so it reveals no account. */
export const requestPasswordResetAction = publicAction({ schema: z.object({ email: emailSchema }) }, async ({ email }) => {
  // The page offers no form without mail; a call anyway learns what the page says.
  if (!isMailEnabled()) return { ok: true as const, data: null, message: NO_MAIL };
  const issued = await issuePasswordResetLink(db, email, "mail");
  if (issued) await sendLinkMail("reset", issued);
  return { ok: true as const, data: null, message: describeResetMailed(email) };
});
