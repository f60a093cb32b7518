"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/action";

export type AccountAction<T = unknown> = (state: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** A form's action state with its field errors and the message to show, ready for the fields. */
export function useAccountForm<T>(action: AccountAction<T>) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, formAction, errors };
}
