"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";
import { ROLES, roleLabels } from "@/lib/auth/roles";

type RowAction = (state: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** Role change and removal for one member; each result is announced next to the row. */
export function MemberRowActions({
  teamSlug,
  membershipId,
  memberName,
  role,
  changeRole,
  remove,
}: {
  teamSlug: string;
  membershipId: string;
  memberName: string;
  role: string;
  changeRole: RowAction;
  remove: RowAction;
}) {
  const [roleState, roleAction] = useActionState(changeRole, null);
  const [removeState, removeAction] = useActionState(remove, null);
  const message = [roleState, removeState].find((state) => state?.message)?.message;
  const isError = [roleState, removeState].some((state) => state && !state.ok);
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="team" value={teamSlug} />
        <input type="hidden" name="membershipId" value={membershipId} />
        <label className="sr-only" htmlFor={`role-${membershipId}`}>
          Role of {memberName}
        </label>
        <select
          id={`role-${membershipId}`}
          name="role"
          defaultValue={role}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {roleLabels[option]}
            </option>
          ))}
        </select>
        <SubmitButton size="sm" variant="secondary" pendingLabel="Saving…">
          Change role
        </SubmitButton>
      </form>
      <form
        action={removeAction}
        onSubmit={(event) => {
          if (!window.confirm(`Remove ${memberName} from the team?`)) event.preventDefault();
        }}
      >
        <input type="hidden" name="team" value={teamSlug} />
        <input type="hidden" name="membershipId" value={membershipId} />
        <SubmitButton size="sm" variant="danger" pendingLabel="Removing…">
          Remove<span className="sr-only"> {memberName}</span>
        </SubmitButton>
      </form>
      {message ? (
        <p role={isError ? "alert" : "status"} className={`w-full text-right text-sm ${isError ? "text-red-700" : "text-emerald-700"}`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
