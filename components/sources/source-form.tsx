"use client";

import { useActionState } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";
import { DuplicateWarning } from "./duplicate-warning";
import { SourceFields, type SourceValues } from "./source-fields";

type SourceAction<T> = (state: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

type Props<T> =
  | { mode: "create"; action: SourceAction<T>; team: string }
  | { mode: "edit"; action: SourceAction<T>; team: string; sourceId: string; revision: number; values: SourceValues };

/**
 * Creates or edits a source. A likely duplicate comes back as an error on the name with a
 * "confirmDuplicate" field error, which turns on the "anyway" checkbox below.
 */
export function SourceForm<T>(props: Props<T>) {
  const [state, formAction] = useActionState(props.action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values: SourceValues = state && !state.ok ? (state.values ?? {}) : props.mode === "edit" ? props.values : {};
  const isEdit = props.mode === "edit";
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label={isEdit ? "Edit source" : "New source"}>
      <input type="hidden" name="team" value={props.team} />
      {isEdit ? (
        <>
          <input type="hidden" name="sourceId" value={props.sourceId} />
          <input type="hidden" name="revision" value={props.revision} />
        </>
      ) : (
        <input type="hidden" name="open" value="1" />
      )}
      {state && !state.ok && !state.fieldErrors ? <Notice tone="error">{state.message}</Notice> : null}
      {state?.ok && state.message ? <Notice tone="success">{state.message}</Notice> : null}
      <SourceFields values={values} errors={errors} />
      {errors.confirmDuplicate ? <DuplicateWarning hint={errors.confirmDuplicate.join(" ")} label={isEdit ? "Save anyway" : "Create anyway"} /> : null}
      <SubmitButton pendingLabel="Saving…">{isEdit ? "Save changes" : "Add source"}</SubmitButton>
    </form>
  );
}
