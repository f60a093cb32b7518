import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { isAccountUsable } from "./email-proof";
import { CODE_REQUIRED_MESSAGE, WRONG_CODE_MESSAGE } from "./error-messages";
import { findKnownDevice, rememberDevice } from "./known-device";
import { describeUnverifiedEmail } from "./messages";
import { checkSecondFactor } from "./mfa";
import { getDecoyHash, verifyPassword } from "./password";
import { reserveSignInAttempt } from "./sign-in-limit";
import { signInSchema } from "./schema";

export type AuthenticatedUser = { id: string; email: string; name: string };
export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser; /** for the browser's known-device cookie */ deviceToken: string }
  | {
      ok: false;
      code: "INVALID_CREDENTIALS" | "RATE_LIMITED" | "INVALID_INPUT" | "CODE_REQUIRED" | "INVALID_CODE" | "EMAIL_UNVERIFIED";
      message: string;
    };

export const WRONG_CREDENTIALS_MESSAGE = "Wrong email or password.";

/**
 * Email + password sign-in: the attempt is counted before the password is checked (so concurrent
 * guesses cannot outrun the limit), timing-safe for unknown emails, audited either way; then,
 * with mail set up (`isMailEnabled`), an account whose address was never verified is not let in
 * (only the right password learns that, so it tells a stranger nothing); then the two-step code
 * where the account has one. `deviceToken` is the browser's known-device cookie, if it sent one;
 * a browser becomes known only once every step passed.
 */
export async function authenticateWithPassword(
  db: Db,
  credentials: { email?: unknown; password?: unknown; code?: unknown },
  ip: string | null,
  options: { deviceToken?: string | null; isMailEnabled?: boolean } = {},
): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) {
    return { ok: false, code: "INVALID_INPUT", message: "Enter your email address and password." };
  }
  const { email, password, code } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, emailVerifiedAt: true, emailVerifiedVia: true },
  });
  const device = user ? await findKnownDevice(db, user.id, options.deviceToken) : null;
  const attempt = await reserveSignInAttempt(db, { email, ip, deviceId: device?.id ?? null });
  if (!attempt.isAllowed) return { ok: false, code: "RATE_LIMITED", message: attempt.message };
  const isValid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await getDecoyHash(), password).then(() => false);
  if (!user || !isValid) {
    await recordAuditEvent(db, { type: "auth.sign_in_failed", email, ip, userId: user?.id });
    return { ok: false, code: "INVALID_CREDENTIALS", message: WRONG_CREDENTIALS_MESSAGE };
  }
  // The steps after a right password are neither a success nor a failure until they pass: the
  // attempt's unit goes back and nothing is forgiven (else someone who has only the password
  // could reset the count between code guesses).
  if (!isAccountUsable({ ...user, hasPassword: true }, options.isMailEnabled ?? false)) {
    await attempt.release();
    return { ok: false, code: "EMAIL_UNVERIFIED", message: describeUnverifiedEmail(user.email) };
  }
  // Two-step verification, asked only once the password is right. A wrong or reused code is a
  // failed sign-in like a wrong password, and keeps its unit.
  const secondFactor = await checkSecondFactor(db, user.id, code);
  if (secondFactor === "required") {
    await attempt.release();
    return { ok: false, code: "CODE_REQUIRED", message: CODE_REQUIRED_MESSAGE };
  }
  if (secondFactor === "refused") {
    await recordAuditEvent(db, { type: "auth.sign_in_failed", email, ip, userId: user.id, detail: { factor: "totp" } });
    return { ok: false, code: "INVALID_CODE", message: WRONG_CODE_MESSAGE };
  }
  await attempt.succeed();
  await recordAuditEvent(db, { type: "auth.signed_in", email, ip, userId: user.id });
  const deviceToken = await rememberDevice(db, user.id, options.deviceToken);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, deviceToken };
}
