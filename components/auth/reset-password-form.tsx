"use client";

import { useActionState } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";

type ResetAction = (state: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;

/** The new password, with the same rule as sign-up; on success the action sends the browser to sign in. */
export function ResetPasswordForm({ action, token }: { action: ResetAction; token: string }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <input type="hidden" name="token" value={token} />
      <NewPasswordField label="New password" errors={errors.password} />
      <SubmitButton className="w-full" pendingLabel="Saving…">
        Save the new password
      </SubmitButton>
    </form>
  );
}
