import { formatHistoryRow } from "./format-history";
import type { ClaimEvent } from "./types";

/** Every change to the claim, newest first, with notes and rationales in full. */
export function ClaimHistory({ events }: { events: ClaimEvent[] }) {
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <div>
        <h2 id="history-heading" className="text-sm font-semibold text-slate-900">
          History
        </h2>
        <p className="text-xs text-slate-500">Newest first. History cannot be edited or deleted.</p>
      </div>
      <ol aria-labelledby="history-heading" className="space-y-2 border-l-2 border-slate-200 pl-3">
        {events.map((event) => {
          const row = formatHistoryRow(event);
          return (
            <li key={event.id} className="text-sm text-slate-700">
              <p>
                <span className="font-semibold text-slate-900">{row.who}</span> {row.did} ·{" "}
                <time dateTime={new Date(event.createdAt).toISOString()} className="text-slate-500">
                  {row.when}
                </time>
                {row.change ? <>: {row.change}</> : null}
              </p>
              {row.note ? <p className="mt-0.5 whitespace-pre-wrap text-slate-600">— {row.note}</p> : null}
            </li>
          );
        })}
      </ol>
      {events.length === 0 ? <p className="text-sm text-slate-600">Nothing recorded yet.</p> : null}
    </section>
  );
}
