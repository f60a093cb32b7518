"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";

type ConfirmAction = (state: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;

/** The account's password confirms the mailed link; on success the action sends the browser to sign in. */
export function ConfirmEmailForm({ action, token, email }: { action: ConfirmAction; token: string; email: string }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <input type="hidden" name="token" value={token} />
      {/* For password managers: which account the password is for. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
      <SubmitButton className="w-full" pendingLabel="Confirming…">
        Confirm my address
      </SubmitButton>
    </form>
  );
}
