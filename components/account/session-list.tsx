import { ActionButton } from "@/components/ui/action-button";
import type { ActionResult } from "@/lib/auth/action";
import { formatMoment } from "@/lib/text/dates";

type FormAction = (state: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;
type SessionRow = { id: string; device: string; method: string; createdAt: Date; lastSeenAt: Date };

/** The person's signed-in browsers, this one first marked, each with its own "Sign out". */
export function SessionList({ sessions, currentId, endSession, signOutEverywhere }: {
  sessions: SessionRow[];
  currentId: string;
  endSession: FormAction;
  signOutEverywhere: FormAction;
}) {
  return (
    <>
      <ul className="divide-y divide-slate-200" aria-label="Signed-in devices">
        {sortCurrentFirst(sessions, currentId).map((session) => (
          <li key={session.id} className="flex items-center justify-between gap-4 py-3" data-testid="session">
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-medium">
                {session.device}
                {session.id === currentId ? <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">This device</span> : null}
              </p>
              <p className="text-slate-600">
                Signed in {session.method === "sso" ? "with single sign-on" : "with your password"} on {formatMoment(session.createdAt)};
                last seen {formatMoment(session.lastSeenAt)}
              </p>
            </div>
            <ActionButton action={endSession} fields={{ sessionId: session.id }} pendingLabel="Signing out…">
              Sign out<span className="sr-only"> of {session.device}{session.id === currentId ? " (this device)" : ""}</span>
            </ActionButton>
          </li>
        ))}
      </ul>
      <div className="mt-4 border-t border-slate-200 pt-4">
        <ActionButton
          action={signOutEverywhere}
          fields={{}}
          variant="danger"
          pendingLabel="Signing out…"
          confirmText="Sign out of every device, this one included?"
        >
          Sign out everywhere
        </ActionButton>
      </div>
    </>
  );
}

function sortCurrentFirst(sessions: SessionRow[], currentId: string): SessionRow[] {
  return [...sessions].sort((a, b) => Number(b.id === currentId) - Number(a.id === currentId));
}
