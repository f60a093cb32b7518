"use client";

import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAccountForm, type AccountAction } from "./use-account-form";

/** Deleting the account: the password (and code), or the email typed out for an account without a password. */
export function DeleteAccountForm({ action, hasPassword, asksForCode, email }: { action: AccountAction; hasPassword: boolean; asksForCode: boolean; email: string }) {
  const { state, formAction, errors } = useAccountForm(action);
  return (
    <form
      action={formAction}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        if (!window.confirm("Delete your account for good? This cannot be undone.")) event.preventDefault();
      }}
    >
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      {hasPassword ? (
        <Field label="Password" id="delete-password" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
      ) : (
        <Field label={`Type your email address (${email}) to confirm`} id="delete-email" name="confirmEmail" type="email" autoComplete="off" required errors={errors.confirmEmail} />
      )}
      {asksForCode ? (
        <Field label="Code from your authenticator app, or a recovery code" id="delete-code" name="code" autoComplete="one-time-code" required errors={errors.code} />
      ) : null}
      <SubmitButton variant="danger" pendingLabel="Deleting…">Delete my account</SubmitButton>
    </form>
  );
}
