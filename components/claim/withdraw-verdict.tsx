"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useClaim } from "./claim-context";
import { TextAreaField } from "./text-area-field";
import { FormProblem, useActionForm } from "./use-action-form";

/** Takes the verdict back, with the reason kept in the history. */
export function WithdrawVerdict() {
  const { actions, team, claimId, revision } = useClaim();
  const form = useActionForm();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState("");

  if (!isOpen) {
    return (
      <Button size="sm" variant="danger" aria-expanded={false} onClick={() => setOpen(true)}>
        Withdraw verdict…
      </Button>
    );
  }
  return (
    <form
      aria-label="Withdraw the verdict"
      className="space-y-2 rounded-md border border-red-200 bg-red-50/50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(() => actions.withdrawVerdict({ team, claimId, revision, note: reason }), { onSuccess: () => setOpen(false) });
      }}
    >
      <TextAreaField
        id="withdraw-reason"
        label="Reason for withdrawing"
        rows={2}
        maxLength={2_000}
        autoFocus
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault();
          setOpen(false);
        }}
        errors={form.errorsFor("note")}
        hint="Kept in the history. A claim that was done goes back to ‘In progress’."
      />
      <FormProblem failure={form.failure} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="danger" disabled={form.isPending}>
          {form.isPending ? "Withdrawing…" : "Withdraw verdict"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
