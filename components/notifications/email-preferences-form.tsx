"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { NOTIFICATION_KINDS, notificationKindLabels, type NotificationKind } from "@/lib/notifications/kinds";

type Save = (input: { team: string; kinds: NotificationKind[] }) => Promise<ActionResult<{ kinds: NotificationKind[] }>>;

/**
 * Which kinds of notification are mailed too (for all the person's teams): at most one mail a
 * minute, holding everything new since the last (lib/notifications/mail.ts).
 */
export function EmailPreferencesForm({ team, chosen, isMailEnabled, save }: { team: string; chosen: NotificationKind[]; isMailEnabled: boolean; save: Save }) {
  const [kinds, setKinds] = useState<ReadonlySet<NotificationKind>>(new Set(chosen));
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <section aria-labelledby="mail-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="mail-heading" className="text-lg font-semibold text-slate-900">
        Email
      </h2>
      <p id="mail-hint" className="text-sm text-slate-600">
        {isMailEnabled
          ? "Also mail me these, in all my teams: at most one mail a minute, holding everything new since the last."
          : "This server has no mail set up, so nothing is mailed yet; what you choose applies once it is."}
      </p>
      <form
        className="space-y-3"
        aria-describedby="mail-hint"
        onSubmit={(event) => {
          event.preventDefault();
          setResult(null);
          startTransition(async () => {
            const answer = await save({ team, kinds: NOTIFICATION_KINDS.filter((kind) => kinds.has(kind)) }).catch(() => null);
            setResult(answer ? { ok: answer.ok, message: answer.message ?? "" } : { ok: false, message: "Could not reach the server: nothing was saved. Try again." });
          });
        }}
      >
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Mail me when</legend>
          <div className="mt-2 grid gap-1.5 sm:grid-cols-2">
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  checked={kinds.has(kind)}
                  onChange={(event) => {
                    const next = new Set(kinds);
                    if (event.target.checked) next.add(kind);
                    else next.delete(kind);
                    setKinds(next);
                  }}
                  className="size-4 rounded border-slate-400"
                />
                {notificationKindLabels[kind]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" size="sm" disabled={isPending}>
            {isPending ? "Saving…" : "Save mail settings"}
          </Button>
          <p role={result && !result.ok ? "alert" : "status"} className={`text-sm ${result?.ok === false ? "text-red-700" : "text-emerald-700"}`}>
            {result?.message}
          </p>
        </div>
      </form>
    </section>
  );
}
