import "server-only";
import type { Db } from "@/lib/config/prisma-client";
import { buildAppUrl } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { issueAccountToken } from "./account-tokens";
import { buildPasswordResetMail, buildSignUpAttemptMail, buildVerificationMail, type MailMessage } from "./account-mail-text";

/** A mail that cannot be sent is logged, not shown: the answer must not differ by address, and the link can be sent again. */
async function send(message: MailMessage): Promise<void> {
  await sendMail(message).catch((error) => console.error(`Account mail "${message.subject}" failed`, error));
}

/** Mails a new verification link for a just-created account (throttled with the other links). */
export async function mailVerificationLink(db: Db, user: { id: string; email: string; name: string }): Promise<void> {
  const issued = await issueAccountToken(db, { userId: user.id, email: user.email, purpose: "verify_email", via: "mail" });
  if (issued) await sendLinkMail("verify", { ...user, ...issued });
}

export async function sendLinkMail(kind: "verify" | "reset", input: { email: string; name: string; token: string; expiresAt: Date }): Promise<void> {
  const link = buildAppUrl(`/${kind === "verify" ? "verify-email" : "reset-password"}/${input.token}`);
  const build = kind === "verify" ? buildVerificationMail : buildPasswordResetMail;
  await send(build({ email: input.email, name: input.name, link, expiresAt: input.expiresAt }));
}

/** Tells a registered address that someone tried to sign up with it. */
export async function mailSignUpAttempt(input: { email: string; name: string | null }): Promise<void> {
  await send(buildSignUpAttemptMail({ ...input, signInLink: buildAppUrl("/sign-in"), resetLink: buildAppUrl("/forgot-password") }));
}
