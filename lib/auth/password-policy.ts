import { AppError } from "@/lib/errors";

/**
 * The rule for every new password (sign-up, password change, password reset), after NIST SP
 * 800-63B and ASVS 2.1: long enough, long passphrases welcome, not on a list of common or
 * breached passwords (lib/auth/common-passwords.ts), and not made of the person's own email or
 * name. No composition rules, no expiry. Existing passwords keep working as they are.
 */
export const PASSWORD_LENGTH = { min: 12, max: 200 } as const;

export const PASSWORD_MESSAGES = {
  tooShort: `Use at least ${PASSWORD_LENGTH.min} characters`,
  tooLong: `Use at most ${PASSWORD_LENGTH.max} characters`,
  common: "This password is on a list of common or breached passwords. Choose another: a few unrelated words make a strong one.",
  email: "Do not use your email address in your password.",
  name: "Do not use your name in your password.",
} as const;

type Person = { email?: string | null; name?: string | null };

function squash(text: string): string {
  return text.toLowerCase().replace(/\s+/g, "");
}

/** Pure: why this password does not suit this person (their email or name in it), or null. */
export function findPersonalPasswordProblem(password: string, person: Person): string | null {
  const candidate = squash(password);
  const localPart = squash(person.email?.split("@")[0] ?? "");
  // A local part of one or two letters ("jo@") is in too many good passwords to refuse them.
  if (localPart.length >= 3 && candidate.includes(localPart)) return PASSWORD_MESSAGES.email;
  const name = squash(person.name ?? "");
  if (name.length >= 3 && candidate.includes(name)) return PASSWORD_MESSAGES.name;
  return null;
}

/** For a server that knows the person (password change, reset): refuses with the field's message. */
export function assertPasswordSuitsPerson(password: string, person: Person, field = "password"): void {
  const problem = findPersonalPasswordProblem(password, person);
  if (problem) throw new AppError("INVALID_INPUT", problem, { [field]: [problem] });
}
