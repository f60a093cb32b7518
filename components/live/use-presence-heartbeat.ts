"use client";

import { useEffect, useRef } from "react";
import { isPresenceActivity, type PresenceActivity } from "@/lib/presence/activities";

/** How often an open page renews its presence (lib/presence/presence.ts PRESENCE_HEARTBEAT_MS). */
const HEARTBEAT_MS = 10_000;
/** Focus moving through a form settles for this long before colleagues are told. */
const SETTLE_MS = 400;

/**
 * Tells colleagues that this page is open and what its person does on it (lib/presence): at
 * once, every 10 s, and when the activity changes. The activity is where the focus is: inside an
 * element marked `data-presence-activity` (the statement editor, the verdict form, the comment
 * form), else "viewing"; the claim is the focused element's `data-claim-id`, else `claimId` (the
 * claim page's, the workspace's selected claim). A page that closes, or is hidden behind another
 * tab, leaves at once (a hidden tab's timers are slowed down by the browser, so it would flicker
 * in and out); it comes back when shown again. Each mount is a page of its own (`tab`), so a
 * client-side navigation's leave cannot remove the next page's arrival.
 */
export function usePresenceHeartbeat(input: { team: string; articleId: string; claimId?: string | null }) {
  const fallbackClaim = useRef(input.claimId ?? null);
  const nudge = useRef<() => void>(() => {});
  useEffect(() => {
    fallbackClaim.current = input.claimId ?? null;
    nudge.current();
  }, [input.claimId]);

  const { team, articleId } = input;
  useEffect(() => {
    const tab = crypto.randomUUID().replaceAll("-", "");
    const base = `/api/t/${encodeURIComponent(team)}/articles/${encodeURIComponent(articleId)}/presence`;
    let sent = "";
    let heartbeat: ReturnType<typeof setTimeout> | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;

    const readPlace = () => {
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const marked = focused?.closest<HTMLElement>("[data-presence-activity]")?.dataset.presenceActivity;
      const activity: PresenceActivity = isPresenceActivity(marked) ? marked : "viewing";
      const claim = focused?.closest<HTMLElement>("[data-claim-id]")?.dataset.claimId ?? fallbackClaim.current;
      const query = new URLSearchParams({ tab, activity });
      if (claim) query.set("claim", claim);
      return query.toString();
    };
    const send = (query: string) => {
      clearTimeout(heartbeat);
      if (document.visibilityState === "hidden") return;
      sent = query;
      void fetch(`${base}?${query}`, { method: "POST" }).catch(() => undefined);
      heartbeat = setTimeout(() => send(readPlace()), HEARTBEAT_MS);
    };
    const sendIfChanged = () => {
      clearTimeout(settle);
      settle = setTimeout(() => {
        const query = readPlace();
        if (query !== sent) send(query);
      }, SETTLE_MS);
    };
    const leave = () => {
      clearTimeout(heartbeat);
      clearTimeout(settle);
      if (!sent) return;
      sent = "";
      // keepalive: the request outlives a page that is closing.
      void fetch(`${base}?tab=${tab}`, { method: "DELETE", keepalive: true }).catch(() => undefined);
    };
    const onVisibility = () => (document.visibilityState === "hidden" ? leave() : send(readPlace()));
    const onPageShow = (event: PageTransitionEvent) => event.persisted && send(readPlace());

    nudge.current = sendIfChanged;
    send(readPlace());
    document.addEventListener("focusin", sendIfChanged);
    document.addEventListener("focusout", sendIfChanged);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      nudge.current = () => {};
      document.removeEventListener("focusin", sendIfChanged);
      document.removeEventListener("focusout", sendIfChanged);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", onPageShow);
      leave();
    };
  }, [team, articleId]);
}
