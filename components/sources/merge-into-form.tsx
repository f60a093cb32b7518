"use client";

import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";

type MergeAction = (state: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;

/** Merges this source into another entry of the registry (the other one is kept). */
export function MergeIntoForm({
  action,
  team,
  source,
  targets,
}: {
  action: MergeAction;
  team: string;
  source: { id: string; name: string };
  targets: { id: string; name: string }[];
}) {
  const [state, formAction] = useActionState(action, null);
  if (targets.length === 0) return <p className="text-sm text-slate-600">There is no other source to merge into.</p>;
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        if (!window.confirm(`Merge “${source.name}” into the chosen source? Its citations move over; this entry stays only as a pointer.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="mergeIds" value={source.id} />
      <div className="min-w-60 flex-1">
        <SelectField label="Merge into" name="keepId" errors={state && !state.ok ? state.fieldErrors?.keepId : undefined}>
          {targets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.name}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton variant="danger" pendingLabel="Merging…">
        Merge
      </SubmitButton>
      {state && !state.ok ? <div className="w-full"><Notice tone="error">{state.message}</Notice></div> : null}
    </form>
  );
}
