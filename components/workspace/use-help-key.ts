"use client";

import { useEffect, useRef } from "react";
import { isTypingTarget } from "@/components/claim/shortcut-keys";

/**
 * `?` anywhere on the page (not only in the article text) toggles the shortcut help; not while
 * typing in a field or inside a dialog, where `?` is a character.
 */
export function useHelpKey(toggle: () => void) {
  const live = useRef(toggle);
  useEffect(() => {
    live.current = toggle;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "?" || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      if (isTypingTarget(target) || target?.closest?.('dialog, [role="dialog"]')) return;
      event.preventDefault();
      live.current();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
