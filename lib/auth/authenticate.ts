import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { isAccountUsable } from "./email-proof";
import { describeUnverifiedEmail } from "./messages";
import { getDecoyHash, verifyPassword } from "./password";
import { checkSignInLimit } from "./rate-limit";
import { signInSchema } from "./schema";

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };
export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; code: "INVALID_CREDENTIALS" | "RATE_LIMITED" | "INVALID_INPUT" | "EMAIL_UNVERIFIED"; message: string };

export const WRONG_CREDENTIALS_MESSAGE = "Wrong email or password.";

/**
 * Email + password sign-in: rate limited, timing-safe for unknown emails, audited either way.
 * With mail set up (`isMailEnabled`), an account whose address was never verified is not let in;
 * only the right password learns that, so it tells a stranger nothing.
 */
export async function authenticateWithPassword(
  db: Db,
  credentials: { email?: unknown; password?: unknown },
  ip: string | null,
  options: { isMailEnabled: boolean } = { isMailEnabled: false },
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
    select: { id: true, email: true, name: true, passwordHash: true, emailVerifiedAt: true, emailVerifiedVia: true, sessionVersion: true },
  });
  const isValid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await getDecoyHash(), password).then(() => false);
  if (!user || !isValid) {
    await recordAuditEvent(db, { type: "auth.sign_in_failed", email, ip, userId: user?.id });
    return { ok: false, code: "INVALID_CREDENTIALS", message: WRONG_CREDENTIALS_MESSAGE };
  }
  if (!isAccountUsable({ ...user, hasPassword: true }, options.isMailEnabled)) {
    return { ok: false, code: "EMAIL_UNVERIFIED", message: describeUnverifiedEmail(user.email) };
  }
  await recordAuditEvent(db, { type: "auth.signed_in", email, ip, userId: user.id });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/**
 * The client's address: the rightmost X-Forwarded-For hop, which the nearest proxy (or Next's
 * own server, from the socket, when no proxy set the header) wrote. Behind no proxy a client can
 * forge it, so the per-account limit is the one that always holds.
 */
export function readClientAddress(headers: Headers | Record<string, unknown> | undefined): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const forwarded = Array.isArray(raw) ? raw.join(",") : typeof raw === "string" ? raw : "";
  const hops = forwarded.split(",").map((hop) => hop.trim()).filter(Boolean);
  return hops.at(-1) ?? null;
}
