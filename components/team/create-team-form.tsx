"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";

type CreateTeamAction = (state: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;

export function CreateTeamForm({ action }: { action: CreateTeamAction }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state && !state.ok && !state.fieldErrors ? <Notice tone="error">{state.message}</Notice> : null}
      <Field label="Team name" name="name" required placeholder="e.g. Investigations" defaultValue={values.name} errors={errors.name} />
      <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
    </form>
  );
}
