import { z } from "zod";
import { ROLES } from "./roles";

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address, like name@newsroom.org"));

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

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

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  teamName: z.preprocess(emptyToUndefined, teamNameSchema.optional()),
  invitation: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  /** The mark of a mailed invitation link (lib/teams/invitation-proof.ts), passed through the form. */
  mailed: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});

export const roleSchema = z.enum(ROLES, { error: "Choose owner, editor or viewer" });
