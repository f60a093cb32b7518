"use client";

import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAccountForm, type AccountAction } from "./use-account-form";

export function TurnOffTwoStepForm({ action }: { action: AccountAction }) {
  const { state, formAction, errors } = useAccountForm(action);
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <Field label="Password" id="turn-off-password" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
      <Field label="Code from your authenticator app, or a recovery code" id="turn-off-code" name="code" autoComplete="one-time-code" required errors={errors.code} />
      <SubmitButton variant="danger" pendingLabel="Turning off…">Turn off two-step verification</SubmitButton>
    </form>
  );
}
