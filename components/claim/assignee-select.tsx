"use client";

import { useState, useTransition } from "react";
import { inputClasses } from "@/components/ui/field";
import { roleLabels, type Role } from "@/lib/auth/roles";
import { useClaim } from "./claim-context";
import type { ClaimMember } from "./types";

export const ASSIGNEE_FIELD_ID = "claim-assignee";

/** Who is checking the claim; saved as soon as it changes (the latest choice stands). */
export function AssigneeSelect({ assignee, members }: { assignee: { id: string; name: string } | null; members: ClaimMember[] }) {
  const { actions, team, claimId, canWrite, report } = useClaim();
  const [value, setValue] = useState(assignee?.id ?? "");
  const [isPending, startTransition] = useTransition();

  if (!canWrite) {
    return (
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">Assignee:</span> {assignee?.name ?? "Unassigned"}
      </p>
    );
  }

  function assign(assigneeId: string) {
    setValue(assigneeId);
    startTransition(async () => {
      const result = await actions.assignClaim({ team, claimId, assigneeId });
      report(result);
      if (!result?.ok) setValue(assignee?.id ?? "");
    });
  }

  return (
    <div className="space-y-1">
      <label htmlFor={ASSIGNEE_FIELD_ID} className="block text-sm font-semibold text-slate-900">
        Assignee
      </label>
      <select
        id={ASSIGNEE_FIELD_ID}
        value={value}
        aria-busy={isPending || undefined}
        aria-describedby={`${ASSIGNEE_FIELD_ID}-hint`}
        aria-keyshortcuts="a"
        onChange={(event) => assign(event.target.value)}
        className={inputClasses}
      >
        <option value="">Unassigned</option>
        {assignee && !members.some((member) => member.id === assignee.id) ? (
          // Assigned before they became a viewer or left: shown as it stands, not offered again.
          <option value={assignee.id} disabled>
            {assignee.name} (cannot work on claims)
          </option>
        ) : null}
        {members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name} ({roleLabels[member.role as Role] ?? member.role})
          </option>
        ))}
      </select>
      <p id={`${ASSIGNEE_FIELD_ID}-hint`} className="text-xs text-slate-500">
        {isPending ? "Saving…" : "Editors and owners only. Saved as soon as you choose."}
      </p>
    </div>
  );
}
