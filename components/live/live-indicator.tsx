import type { LiveStatus } from "./use-live-changes";

const LABELS: Record<LiveStatus, string> = {
  connecting: "Connecting to live updates…",
  live: "Live: colleagues' changes show as they happen",
  reconnecting: "Live updates paused: reconnecting…",
};

/**
 * Whether the page shows colleagues' changes as they happen: a quiet dot and a word, announced
 * politely when it changes (a dropped connection, then its return).
 */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const isLive = status === "live";
  return (
    <p role="status" className="flex items-center gap-1.5 text-xs text-slate-600" title={LABELS[status]}>
      <span aria-hidden="true" className={`inline-block size-2 rounded-full ${isLive ? "bg-emerald-600" : "bg-amber-500"}`} />
      <span className="sr-only">{LABELS[status]}</span>
      <span aria-hidden="true">{isLive ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…"}</span>
    </p>
  );
}
