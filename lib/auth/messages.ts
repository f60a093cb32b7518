/**
 * Sentences shared by the server and the sign-in form (which must recognise one of them: next-auth
 * passes a refused sign-in to the browser as its message alone). No server imports here.
 */
export const UNVERIFIED_EMAIL_PREFIX = "Confirm your email address:";

export function describeUnverifiedEmail(email: string): string {
  return `${UNVERIFIED_EMAIL_PREFIX} we sent a link to ${email}. Open it, then sign in. No mail? Check your spam folder, or send it again.`;
}

export function isUnverifiedEmailMessage(message: string | undefined): boolean {
  return Boolean(message?.startsWith(UNVERIFIED_EMAIL_PREFIX));
}

/** The same answer whether or not an account waits at the address, so it reveals none. */
export function describeLinkResent(email: string): string {
  return `If an account with ${email} is waiting for its address to be confirmed, we sent it a new link. It may take a minute to arrive.`;
}

export function describeSignUpMailed(email: string): string {
  return `Check your inbox: we sent a mail to ${email}. Open the link in it to confirm your address, then sign in.`;
}

export function describeResetMailed(email: string): string {
  return `If an account with ${email} exists, we sent it a link to choose a new password. It works once, for an hour.`;
}
