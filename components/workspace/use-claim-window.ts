"use client";

import { createContext, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { INITIAL_ROWS, findRowRange, layOutRows, planWindow, type RowRange, type WindowPlan } from "./claim-window";

/** What the workspace asks of the list: bring a claim's row into the DOM (it may be windowed out). */
export type ClaimListHandle = {
  /** Renders the claim's row (at its place) if it is not; `onRevealed` is called once it is. */
  reveal: (claimId: string) => void;
  /**
   * Scrolls a rendered row into view, at once, and keeps it there for a moment while the rows
   * around it are measured (their real heights move it from its estimated place).
   */
  follow: (claimId: string) => void;
};

/** How long a followed row is kept in view after it was asked for. */
const FOLLOW_MS = 1000;

/** A row tells the list while its statement is edited, so that it is not windowed out meanwhile. */
export const ClaimEditingContext = createContext<((claimId: string, isEditing: boolean) => void) | null>(null);

/**
 * Which rows of a long claims list to render (decision 0030; WINDOW_THRESHOLD claims or fewer are
 * all rendered, without this): within the visible part of the list (in the page or the sticky side column,
 * whichever scrolls) plus an overscan, and the pinned ones, with padding and margins standing in
 * for the rest. Rows are measured as they render (ResizeObserver); the others are estimated.
 */
export function useClaimWindow({
  ids,
  activeId,
  draftClaimId,
  onRevealed,
}: {
  ids: readonly string[];
  /** Stays rendered wherever it is, as does the draft claim (its editor open). */
  activeId: string | null;
  draftClaimId?: string | null;
  onRevealed?: (claimId: string) => void;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [range, setRange] = useState<RowRange>({ start: 0, end: INITIAL_ROWS });
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [editingIds, setEditingIds] = useState<ReadonlySet<string>>(() => new Set());
  const [revealId, setRevealId] = useState<string | null>(null);

  const layout = useMemo(() => layOutRows(ids, heights), [ids, heights]);
  const indexById = useMemo(() => new Map(ids.map((id, index) => [id, index])), [ids]);

  const plan = useMemo<WindowPlan>(() => {
    const pinned = [activeId, draftClaimId, focusedId, revealId, ...editingIds].flatMap((id) => (id ? [indexById.get(id) ?? -1] : []));
    return planWindow(layout, range, pinned);
  }, [layout, range, activeId, draftClaimId, focusedId, revealId, editingIds, indexById]);

  /** Works out the rows on screen from where the list is now; re-renders only if they changed. */
  const updateRange = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const listTop = list.getBoundingClientRect().top;
    let clipTop = 0;
    let clipBottom = window.innerHeight;
    for (let element = list.parentElement; element; element = element.parentElement) {
      const overflow = getComputedStyle(element).overflowY;
      if (overflow !== "auto" && overflow !== "scroll") continue;
      const box = element.getBoundingClientRect();
      clipTop = Math.max(clipTop, box.top);
      clipBottom = Math.min(clipBottom, box.bottom);
    }
    const next = findRowRange(layout, clipTop - listTop, Math.max(clipTop, clipBottom) - listTop);
    setRange((current) => (current.start === next.start && current.end === next.end ? current : next));
  }, [layout]);

  // Scrolling (the page or the side column: captured at the document) and resizing move the window.
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), updateRange()));
    };
    updateRange();
    document.addEventListener("scroll", schedule, { capture: true, passive: true });
    window.addEventListener("resize", schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("scroll", schedule, { capture: true });
      window.removeEventListener("resize", schedule);
    };
  }, [updateRange]);

  // Rendered rows are measured; a changed height lays the list out again (once per frame).
  const observer = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Set<Element>());
  // A layout effect, so that the observer exists before the next one hands it the first rows.
  useLayoutEffect(() => {
    let frame = 0;
    const pending = new Map<string, number>();
    const flush = () => {
      frame = 0;
      const measured = new Map(pending);
      pending.clear();
      setHeights((current) => {
        const changed = [...measured].filter(([id, height]) => Math.abs((current.get(id) ?? -1) - height) >= 0.5);
        return changed.length === 0 ? current : new Map([...current, ...changed]);
      });
    };
    const resizeObserver = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset.claimId;
        const height = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height;
        if (id && (entry.target as HTMLElement).isConnected && height > 0) pending.set(id, height);
      }
      if (pending.size > 0 && !frame) frame = requestAnimationFrame(flush);
    });
    observer.current = resizeObserver;
    const watched = observed.current;
    return () => {
      cancelAnimationFrame(frame);
      resizeObserver.disconnect();
      watched.clear();
      observer.current = null;
    };
  }, []);
  useLayoutEffect(() => {
    const list = listRef.current;
    const resizeObserver = observer.current;
    if (!list || !resizeObserver) return;
    for (const element of observed.current) {
      if (element.parentElement === list) continue;
      resizeObserver.unobserve(element);
      observed.current.delete(element);
    }
    for (const element of list.children) {
      if (observed.current.has(element)) continue;
      resizeObserver.observe(element);
      observed.current.add(element);
    }
  });

  // A new layout (rows measured, claims added or reordered) can change which rows are on screen.
  useLayoutEffect(() => updateRange(), [updateRange]);

  // A revealed row is rendered by now: the workspace can scroll to it and focus it.
  const revealed = useRef(onRevealed);
  useEffect(() => {
    revealed.current = onRevealed;
  });
  useEffect(() => {
    if (revealId && document.getElementById(`claim-${revealId}`)) revealed.current?.(revealId);
  }, [revealId]);

  const followed = useRef<{ claimId: string; until: number } | null>(null);
  const keepFollowed = useCallback(() => {
    const target = followed.current;
    if (!target) return;
    if (performance.now() > target.until) return void (followed.current = null);
    const row = document.getElementById(`claim-${target.claimId}`);
    const box = row?.getBoundingClientRect();
    const column = row?.closest("aside")?.getBoundingClientRect();
    if (row && box && (box.top < (column?.top ?? 0) || box.bottom > (column?.bottom ?? window.innerHeight))) row.scrollIntoView({ block: "nearest" });
  }, []);
  useLayoutEffect(keepFollowed);
  const handle = useMemo<ClaimListHandle>(
    () => ({
      reveal: (claimId) => setRevealId(claimId),
      follow: (claimId) => {
        followed.current = { claimId, until: performance.now() + FOLLOW_MS };
        document.getElementById(`claim-${claimId}`)?.scrollIntoView({ block: "nearest" });
      },
    }),
    [],
  );

  const noteEditing = useCallback((claimId: string, isEditing: boolean) => {
    setEditingIds((current) => {
      if (current.has(claimId) === isEditing) return current;
      const next = new Set(current);
      if (isEditing) next.add(claimId);
      else next.delete(claimId);
      return next;
    });
  }, []);

  /** The row holding focus stays rendered until focus leaves it. */
  const focusHandlers = useMemo(
    () => ({
      onFocus: (event: React.FocusEvent<HTMLOListElement>) => {
        const id = (event.target as HTMLElement).closest<HTMLElement>("[data-claim-id]")?.dataset.claimId ?? null;
        setFocusedId(id);
      },
      onBlur: (event: React.FocusEvent<HTMLOListElement>) => {
        const row = (event.target as HTMLElement).closest("[data-claim-id]");
        if (!row || !(event.relatedTarget instanceof Node) || !row.contains(event.relatedTarget)) setFocusedId(null);
      },
    }),
    [],
  );

  return { plan, listRef, handle, noteEditing, focusHandlers };
}
