import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { getDecoyHash, verifyPassword } from "./password";
import { checkSignInLimit } from "./rate-limit";
import { signInSchema } from "./schema";

export type AuthenticatedUser = { id: string; email: string; name: string };
export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; code: "INVALID_CREDENTIALS" | "RATE_LIMITED" | "INVALID_INPUT"; message: string };

export const WRONG_CREDENTIALS_MESSAGE = "Wrong email or password.";

/** Email + password sign-in: rate limited, timing-safe for unknown emails, audited either way. */
export async function authenticateWithPassword(
  db: Db,
  credentials: { email?: unknown; password?: unknown },
  ip: string | null,
): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) {
    return { ok: false, code: "INVALID_INPUT", message: "Enter your email address and password." };
  }
  const { email, password } = parsed.data;
  const limit = await checkSignInLimit(db, email, ip);
  if (!limit.isAllowed) {
    const minutes = limit.retryAfterMinutes === 1 ? "1 minute" : `${limit.retryAfterMinutes} minutes`;
    return {
      ok: false,
      code: "RATE_LIMITED",
      message: `Too many failed sign-in attempts. For your security, try again in ${minutes}.`,
    };
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const isValid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await getDecoyHash(), password).then(() => false);
  if (!user || !isValid) {
    await recordAuditEvent(db, { type: "auth.sign_in_failed", email, ip, userId: user?.id });
    return { ok: false, code: "INVALID_CREDENTIALS", message: WRONG_CREDENTIALS_MESSAGE };
  }
  await recordAuditEvent(db, { type: "auth.signed_in", email, ip, userId: user.id });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
