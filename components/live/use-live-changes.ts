"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { hasLocalChangeWithin } from "@/components/team/refresh-on-return";
import type { LiveChange } from "@/lib/live/changes";
import { coalesce } from "@/lib/live/coalesce";
import type { PresenceEntry } from "@/lib/presence/presence";

export type LiveStatus = "connecting" | "live" | "reconnecting";

/** How long to wait before opening the stream again after the server refused or it closed. */
const REOPEN_MS = 5_000;

/**
 * Colleagues' changes to the team, as they happen (GET /api/t/[team]/live, lib/live). `cursor` is
 * where the page's own data stands (read by the server before the data); the stream starts there,
 * so nothing between the page's render and the stream is missed. Changes arrive in batches, each
 * once, to the latest `onChanges`; the person's own changes made in this tab are left out. A dropped connection reconnects by itself and resumes after the
 * last change seen (EventSource's Last-Event-ID); a page too far behind (`reset`) or whose session
 * ended is refreshed (it comes back with a new cursor, or the sign-in page).
 */
export function useLiveChanges(input: {
  team: string;
  cursor: string;
  /** Who is looking: their own changes are held back a moment, and dropped if this tab made them. */
  userId: string;
  onChanges: (changes: LiveChange[]) => void;
  /** Given, the stream also brings who of the team is present where (lib/presence), at once and on every change. */
  onPresence?: (entries: PresenceEntry[]) => void;
}): LiveStatus {
  const router = useRouter();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const latest = useRef(input);
  useEffect(() => {
    latest.current = input;
  });

  const { team } = input;
  useEffect(() => {
    let source: EventSource | null = null;
    let lastId = latest.current.cursor;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let pending: LiveChange[] = [];
    let isClosed = false;

    const held = new Set<ReturnType<typeof setTimeout>>();
    const flush = () => {
      const changes = pending;
      pending = [];
      const own = changes.filter((change) => change.actorId === latest.current.userId);
      const others = changes.filter((change) => change.actorId !== latest.current.userId);
      if (others.length > 0) latest.current.onChanges(others);
      if (own.length === 0) return;
      // The person's own change can arrive before the answer of the action that made it: wait
      // for the answer, then drop the change if this tab made changes of its own just now (it
      // shows them from their answers); one made in another tab is shown.
      const timer = setTimeout(() => {
        held.delete(timer);
        if (!hasLocalChangeWithin(OWN_ECHO_MS) && !isClosed) latest.current.onChanges(own);
      }, OWN_ANSWER_WAIT_MS);
      held.add(timer);
    };
    const open = () => {
      const presence = latest.current.onPresence ? "&presence=1" : "";
      source = new EventSource(`/api/t/${encodeURIComponent(team)}/live?after=${encodeURIComponent(lastId)}${presence}`);
      source.onopen = () => setStatus("live");
      source.addEventListener("change", (event) => {
        const message = event as MessageEvent<string>;
        lastId = message.lastEventId || lastId;
        // Changes that arrive together are handed over together.
        if (pending.length === 0) queueMicrotask(flush);
        pending.push(JSON.parse(message.data) as LiveChange);
      });
      source.addEventListener("presence", (event) => latest.current.onPresence?.(JSON.parse((event as MessageEvent<string>).data) as PresenceEntry[]));
      const restart = () => {
        source?.close();
        router.refresh();
        // The refreshed page brings a new cursor; the stream starts again from there.
        reopen = setTimeout(() => {
          lastId = latest.current.cursor;
          if (!isClosed) open();
        }, REOPEN_MS);
      };
      source.addEventListener("reset", restart);
      source.addEventListener("end", restart);
      source.onerror = () => {
        setStatus("reconnecting");
        // A refusal (the server answered an error) closes an EventSource for good: try again later.
        if (source?.readyState === EventSource.CLOSED) reopen = setTimeout(() => !isClosed && open(), REOPEN_MS);
      };
    };
    open();
    return () => {
      isClosed = true;
      for (const timer of held) clearTimeout(timer);
      clearTimeout(reopen);
      source?.close();
    };
  }, [team, router]);

  return status;
}

/** How long after a change of its own a tab takes this person's changes from the feed for its own. */
export const OWN_ECHO_MS = 5_000;

/** How long a person's own change waits for the answer of the action that made it. */
const OWN_ANSWER_WAIT_MS = 1_500;

/**
 * `router.refresh()` once for a burst of colleagues' changes (a merge writes several, a busy desk
 * many a second): 150 ms after the last one, and at most a second after the first one waiting
 * (lib/live/coalesce.ts). A refresh keeps the scroll position, the focus and what is being typed.
 */
export function useDebouncedRefresh(router: { refresh: () => void }, delayMs = 150, maxWaitMs = 1_000): () => void {
  const runner = useRef<ReturnType<typeof coalesce> | null>(null);
  const latestRouter = useRef(router);
  useEffect(() => {
    latestRouter.current = router;
  });
  useEffect(() => {
    const current = coalesce(() => latestRouter.current.refresh(), { quietMs: delayMs, maxWaitMs });
    runner.current = current;
    return () => current.cancel();
  }, [delayMs, maxWaitMs]);
  return useCallback(() => runner.current?.request(), []);
}
