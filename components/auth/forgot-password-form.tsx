"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";

type RequestAction = (state: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function ForgotPasswordForm({ action }: { action: RequestAction }) {
  const [state, formAction] = useActionState(action, null);
  if (state?.ok) return <Notice tone="success">{state.message}</Notice>;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state?.values?.email} errors={errors.email} />
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Mail me a link
      </SubmitButton>
    </form>
  );
}
