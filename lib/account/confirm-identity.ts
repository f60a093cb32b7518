import type { Db } from "@/lib/config/prisma-client";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { AppError } from "@/lib/errors";

/**
 * Before a sensitive change (password, two-step verification, deleting the account) the person
 * proves it is them the way they sign in: the same check, counted by the same sign-in limiter,
 * so a stolen session cannot be used to guess the password or the code.
 */
export async function confirmIdentity(
  db: Db,
  input: { email: string; password: string; code?: string; ip: string | null; passwordField?: string },
): Promise<void> {
  const passwordField = input.passwordField ?? "password";
  const result = await authenticateWithPassword(db, { email: input.email, password: input.password, code: input.code }, input.ip);
  if (result.ok) return;
  if (result.code === "RATE_LIMITED") throw new AppError("RATE_LIMITED", result.message);
  if (result.code === "CODE_REQUIRED" || result.code === "INVALID_CODE") {
    throw new AppError("INVALID_INPUT", result.message, { code: [result.message] });
  }
  const message = "That is not your current password.";
  throw new AppError("INVALID_INPUT", message, { [passwordField]: [message] });
}
