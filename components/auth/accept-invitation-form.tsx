"use client";

import { useActionState } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";

type AcceptAction = (state: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;

export function AcceptInvitationForm({ action, token, mailed, teamName }: { action: AcceptAction; token: string; mailed?: string; teamName: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4">
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <input type="hidden" name="token" value={token} />
      {mailed ? <input type="hidden" name="mailed" value={mailed} /> : null}
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Join {teamName}
      </SubmitButton>
    </form>
  );
}
