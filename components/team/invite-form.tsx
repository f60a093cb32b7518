"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";
import { ROLES, roleDescriptions, roleLabels } from "@/lib/auth/roles";
import { formatMoment } from "@/lib/text/dates";

type Created = { path: string; role: string; email: string; expiresAt: string; isMailed: boolean };
type InviteAction = (state: ActionResult<Created> | null, form: FormData) => Promise<ActionResult<Created>>;

/** Makes an invitation link for one address and shows it, ready to copy (no mail server needed). */
export function InviteForm({ action, teamSlug }: { action: InviteAction; teamSlug: string }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <div className="space-y-4">
      <form action={formAction} noValidate className="grid gap-4 sm:grid-cols-[1fr_10rem_8rem_auto] sm:items-start">
        <input type="hidden" name="team" value={teamSlug} />
        <Field label="Email" name="email" type="email" required placeholder="colleague@newsroom.org" defaultValue={values.email} errors={errors.email} />
        <SelectField label="Role" name="role" defaultValue={values.role ?? "editor"} errors={errors.role}>
          {ROLES.map((role) => (
            <option key={role} value={role} title={roleDescriptions[role]}>
              {roleLabels[role]}
            </option>
          ))}
        </SelectField>
        <Field label="Valid for (days)" name="days" type="number" min={1} max={30} defaultValue={values.days ?? 7} errors={errors.days} />
        <div className="sm:pt-6">
          <SubmitButton pendingLabel="Creating…">Create invitation link</SubmitButton>
        </div>
      </form>
      {state && !state.ok && !state.fieldErrors ? <Notice tone="error">{state.message}</Notice> : null}
      {state?.ok ? <CreatedLink created={state.data} /> : null}
    </div>
  );
}

function CreatedLink({ created }: { created: Created }) {
  const [isCopied, setCopied] = useState(false);
  const url = typeof window === "undefined" ? created.path : new URL(created.path, window.location.origin).toString();
  async function copy() {
    await navigator.clipboard.writeText(url).catch(() => undefined);
    setCopied(true);
  }
  return (
    <Notice tone="success">
      <p className="font-medium">
        Invitation link for {created.email}, as a new {created.role}
        {created.isMailed ? " (also sent by email)" : ""}: it works once, only for that address, until{" "}
        {formatMoment(created.expiresAt)}.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor="invitation-link" className="sr-only">
          Invitation link
        </label>
        <input
          id="invitation-link"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs text-slate-900"
        />
        <Button size="sm" variant="secondary" onClick={copy}>
          {isCopied ? "Copied ✓" : "Copy link"}
        </Button>
      </div>
    </Notice>
  );
}
