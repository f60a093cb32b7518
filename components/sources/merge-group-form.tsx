"use client";

import { useActionState, useState } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";

type MergeAction = (state: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;
type GroupSource = { id: string; name: string };

/** Merges one group of likely duplicates: the editor picks the entry to keep, the rest go into it. */
export function MergeGroupForm({ action, team, sources, legend }: { action: MergeAction; team: string; sources: GroupSource[]; legend: string }) {
  const [state, formAction] = useActionState(action, null);
  const [keepId, setKeepId] = useState(sources[0]?.id ?? "");
  const others = sources.filter((source) => source.id !== keepId);
  return (
    <form
      action={formAction}
      className="space-y-2"
      onSubmit={(event) => {
        const names = others.map((source) => `“${source.name}”`).join(", ");
        if (!window.confirm(`Merge ${names} into “${sources.find((source) => source.id === keepId)?.name}”? Their citations move over.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="mergeIds" value={others.map((source) => source.id).join(",")} />
      <fieldset>
        <legend className="text-sm font-medium">{legend}</legend>
        <p className="text-xs text-slate-600">Choose the entry to keep; the others become pointers to it.</p>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {sources.map((source) => (
            <label key={source.id} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="keepId" value={source.id} checked={keepId === source.id} onChange={() => setKeepId(source.id)} />
              Keep {source.name}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton size="sm" variant="secondary" pendingLabel="Merging…">
        Merge {others.length} into the kept entry
      </SubmitButton>
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
    </form>
  );
}
