"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { useClaim } from "./claim-context";

type Failure = { message: string; fieldErrors?: Record<string, string[]> };

/**
 * A form that calls one of the page's actions: pending state, the failure kept for the form to
 * show (role=alert, errors by field), success reported in the toast and shown on the page.
 */
export function useActionForm() {
  const { report } = useClaim();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isPending, startTransition] = useTransition();

  function submit<T>(call: () => Promise<ActionResult<T> | null>, options: { success?: string; onSuccess?: (data: T) => void } = {}) {
    startTransition(async () => {
      const result = await call();
      report(result, { success: options.success, quietFailure: true });
      if (!result) return;
      if (result.ok) {
        setFailure(null);
        options.onSuccess?.(result.data);
      } else {
        setFailure({ message: result.message, fieldErrors: result.fieldErrors });
      }
    });
  }

  /** A field's errors, unless the form's message already says them (the verdict rules do). */
  function errorsFor(name: string): string[] | undefined {
    const errors = failure?.fieldErrors?.[name];
    if (!errors?.length || errors.every((error) => failure?.message.includes(error))) return undefined;
    return errors;
  }

  return { failure, isPending, submit, errorsFor, clearFailure: () => setFailure(null) };
}

/** The form's failure, announced at once; the region is always there so it is read when filled. */
export function FormProblem({ failure }: { failure: Failure | null }) {
  return (
    <div role="alert">
      {failure ? (
        <p className="flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <span aria-hidden="true">⚠</span>
          <span>{failure.message}</span>
        </p>
      ) : null}
    </div>
  );
}
