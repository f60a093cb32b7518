"use client";

import { useSyncExternalStore, type MouseEvent } from "react";
import { createPortal } from "react-dom";

/** Where a page's own skip links go: right after "Skip to content" (app/layout.tsx). */
export const SKIP_LINKS_SLOT = "page-skip-links";

const subscribe = () => () => undefined;

/**
 * "Skip to the article text", the page's second Tab stop: without it the text was 16 Tabs away,
 * past the team's navigation and the article's header. Rendered into the root layout's slot.
 */
export function SkipToText({ targetId = "article-text" }: { targetId?: string }) {
  const slot = useSyncExternalStore(subscribe, () => document.getElementById(SKIP_LINKS_SLOT), () => null);
  if (!slot) return null;

  function skip(event: MouseEvent<HTMLAnchorElement>) {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  }

  return createPortal(
    <a
      href={`#${targetId}`}
      onClick={skip}
      className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
    >
      Skip to the article text
    </a>,
    slot,
  );
}
