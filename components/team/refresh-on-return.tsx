"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";

/** When each page (path and query) was last shown from the server's data, in this tab's clock. */
const shownAt = new Map<string, number>();
let changedAt = Number.NEGATIVE_INFINITY;

/**
 * Call when a page showed a change from the action's answer instead of fetching itself again
 * (the claim page, the workspace): pages kept from before it are out of date from now on.
 */
export function noteLocalChange() {
  changedAt = performance.now();
}

/**
 * Whether this tab showed a change of its own in the last `ms`: the live feed then brings the
 * same change back, which the page already shows (lib/live; a change by the same person in
 * another tab is older than that, and is shown).
 */
export function hasLocalChangeWithin(ms: number): boolean {
  return performance.now() - changedAt < ms;
}

/**
 * Fetches a page again when Back or Forward brings it out of the router's memory from before a
 * change made in this tab. A link always fetches a page afresh (dynamic pages are not kept:
 * `staleTimes.dynamic` is 0), but Back and Forward show what the router kept, which only an
 * action that revalidates clears, and the changes applied from their answers do not
 * (docs/decisions/0014-changes-answer-with-what-they-did.md).
 */
export function RefreshOnReturn() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();

  useEffect(() => {
    shownAt.set(search ? `${pathname}?${search}` : pathname, performance.now());
  }, [pathname, search]);

  useEffect(() => {
    function refreshIfStale() {
      const shown = shownAt.get(location.pathname + location.search);
      if (shown === undefined || shown >= changedAt) return;
      shownAt.set(location.pathname + location.search, performance.now());
      // After the router has restored the page from this same event.
      setTimeout(() => router.refresh(), 0);
    }
    window.addEventListener("popstate", refreshIfStale);
    return () => window.removeEventListener("popstate", refreshIfStale);
  }, [router]);

  return null;
}
