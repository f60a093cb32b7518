"use client";

import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { NEW_PASSWORD_HINT, NewPasswordField } from "@/components/auth/new-password-field";
import { useAccountForm, type AccountAction } from "./use-account-form";

/** Current password (and code), then the new one; the other sessions end when it changes. */
export function ChangePasswordForm({ action, asksForCode }: { action: AccountAction; asksForCode: boolean }) {
  const { state, formAction, errors } = useAccountForm(action);
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={errors.currentPassword} />
      {asksForCode ? (
        <Field label="Code from your authenticator app" name="code" inputMode="numeric" autoComplete="one-time-code" required errors={errors.code} />
      ) : null}
      <NewPasswordField label="New password" name="newPassword" hint={`${NEW_PASSWORD_HINT} Your other devices will be signed out.`} errors={errors.newPassword} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
