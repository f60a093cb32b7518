import { z } from "zod";
import { isCommonPassword } from "./common-passwords";
import { findPersonalPasswordProblem, PASSWORD_LENGTH, PASSWORD_MESSAGES } from "./password-policy";
import { ROLES } from "./roles";

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address, like name@newsroom.org"));

/**
 * A password someone chooses now (sign-up, password change, password reset): the rule of
 * lib/auth/password-policy.ts. Forms that also carry the email and name add
 * `refinePasswordForPerson`; a server that knows the person calls `assertPasswordSuitsPerson`.
 */
export const newPasswordSchema = z
  .string({ error: "Choose a password" })
  .min(PASSWORD_LENGTH.min, PASSWORD_MESSAGES.tooShort)
  .max(PASSWORD_LENGTH.max, PASSWORD_MESSAGES.tooLong)
  .refine((password) => !isCommonPassword(password, PASSWORD_LENGTH), PASSWORD_MESSAGES.common);

/** For an object schema with `email`, `name` and a new password field: neither may be in it. */
export function refinePasswordForPerson(field = "password") {
  return (input: { email?: string; name?: string } & Record<string, unknown>, ctx: z.RefinementCtx) => {
    const password = input[field];
    if (typeof password !== "string") return;
    const problem = findPersonalPasswordProblem(password, input);
    if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem });
  };
}

export const personNameSchema = z
  .string({ error: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(100, "Use at most 100 characters");

export const teamNameSchema = z
  .string({ error: "Name your team" })
  .trim()
  .min(2, "Use at least 2 characters")
  .max(80, "Use at most 80 characters");

/** Optional form fields arrive as "" when left empty. */
export function emptyToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

export const signUpSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    password: newPasswordSchema,
    teamName: z.preprocess(emptyToUndefined, teamNameSchema.optional()),
    invitation: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
    /** The mark of a mailed invitation link (lib/teams/invitation-proof.ts), passed through the form. */
    mailed: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  })
  .superRefine(refinePasswordForPerson());
export type SignUpInput = z.infer<typeof signUpSchema>;

/** A password someone already has: any length it was accepted at. */
export const currentPasswordSchema = z.string({ error: "Enter your password" }).min(1, "Enter your password").max(PASSWORD_LENGTH.max);

/** A code from an authenticator app (6 digits) or a recovery code (letters and digits, dashes allowed). */
export const mfaCodeSchema = z
  .string({ error: "Enter the code" })
  .trim()
  .min(1, "Enter the code")
  .max(40, "That code is too long");

export const signInSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
  code: z.preprocess(emptyToUndefined, mfaCodeSchema.optional()),
});

export const roleSchema = z.enum(ROLES, { error: "Choose owner, editor or viewer" });
