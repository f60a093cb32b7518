"use client";

import { useEffect, useRef } from "react";
import { commandForKey, isTypingTarget, type ShortcutCommand } from "./shortcut-keys";

/**
 * The claim page's keyboard shortcuts, on the whole document. Keys typed into a field belong to
 * the field, and any modifier (Ctrl, Alt, Cmd) leaves the browser's own shortcuts alone.
 */
export function useClaimShortcuts(run: (command: ShortcutCommand) => void) {
  const live = useRef(run);
  useEffect(() => {
    live.current = run;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTypingTarget(event.target as HTMLElement | null)) return;
      const command = commandForKey(event.key);
      if (!command) return;
      event.preventDefault();
      live.current(command);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

/** Focuses a form control by id and brings it into view. */
export function focusById(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  element.focus({ preventScroll: true });
  const behavior: ScrollBehavior = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  element.scrollIntoView({ block: "center", behavior });
  return true;
}
