"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { SubmitButton } from "./submit-button";
import type { ButtonVariant } from "./button";

type FormAction = (state: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;

/** A one-button form for a server action, with optional confirmation and its result announced. */
export function ActionButton({
  action,
  fields,
  children,
  pendingLabel,
  confirmText,
  variant = "secondary",
}: {
  action: FormAction;
  fields: Record<string, string>;
  children: React.ReactNode;
  pendingLabel?: string;
  confirmText?: string;
  variant?: ButtonVariant;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className="inline-flex flex-col items-end gap-1"
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton size="sm" variant={variant} pendingLabel={pendingLabel}>
        {children}
      </SubmitButton>
      {state?.message || (state && !state.ok) ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
