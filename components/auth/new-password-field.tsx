import { Field } from "@/components/ui/field";
import { PASSWORD_LENGTH } from "@/lib/auth/password-policy";

export const NEW_PASSWORD_HINT = `At least ${PASSWORD_LENGTH.min} characters, and not a common one: a few unrelated words make a strong password.`;

/** The field for a password someone is choosing (sign-up, reset, change), with the rule as its hint. */
export function NewPasswordField({ label = "Password", name = "password", errors, hint = NEW_PASSWORD_HINT }: { label?: string; name?: string; errors?: string[]; hint?: string }) {
  return <Field label={label} name={name} type="password" autoComplete="new-password" required minLength={PASSWORD_LENGTH.min} hint={hint} errors={errors} />;
}
