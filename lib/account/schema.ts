import { z } from "zod";
import { currentPasswordSchema, emptyToUndefined, mfaCodeSchema, newPasswordSchema } from "@/lib/auth/schema";

const optionalCode = z.preprocess(emptyToUndefined, mfaCodeSchema.optional());

export const changePasswordSchema = z.object({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
  code: optionalCode,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const sessionIdSchema = z.object({ sessionId: z.string().min(1).max(100) });

export const totpCodeSchema = z.object({ code: mfaCodeSchema });

export const confirmIdentitySchema = z.object({ password: currentPasswordSchema, code: optionalCode });
export type ConfirmIdentityInput = z.infer<typeof confirmIdentitySchema>;

/** Deleting an account: the password (and a code), or, for an account without one, its email typed out. */
export const deleteAccountSchema = z.object({
  password: z.preprocess(emptyToUndefined, currentPasswordSchema.optional()),
  code: optionalCode,
  confirmEmail: z.preprocess(emptyToUndefined, z.string().trim().toLowerCase().max(254).optional()),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
