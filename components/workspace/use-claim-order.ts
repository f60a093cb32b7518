"use client";

import { useCallback, useSyncExternalStore } from "react";
import { isClaimOrder, type ClaimOrder } from "@/lib/claims/order";

const DEFAULT_ORDER: ClaimOrder = "article";
const listeners = new Set<() => void>();
/** What was chosen in this tab, should the browser refuse to store it (private windows, full storage). */
const chosen = new Map<string, ClaimOrder>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab of the same editor changed it.
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readOrder(key: string): ClaimOrder {
  try {
    const stored = window.localStorage.getItem(key);
    if (isClaimOrder(stored)) return stored;
  } catch {
    // Storage unavailable: the choice made in this tab, or the default.
  }
  return chosen.get(key) ?? DEFAULT_ORDER;
}

/**
 * The order the editor lists claims in, remembered in this browser per user (`key` names the
 * user). The server renders the default (article order); a stored choice applies once hydrated.
 */
export function useClaimOrder(key: string): [ClaimOrder, (order: ClaimOrder) => void] {
  const order = useSyncExternalStore(subscribe, () => readOrder(key), () => DEFAULT_ORDER);
  const setOrder = useCallback(
    (next: ClaimOrder) => {
      chosen.set(key, next);
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Kept for this tab only (above).
      }
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [order, setOrder];
}
