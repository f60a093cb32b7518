"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from "react";
import type { Paragraph } from "@/lib/articles/paragraphs";
import { ArticleParagraph, type ParagraphClaims } from "./article-paragraph";
import { createTextRange, offsetOfPoint, readSelection, selectTextRange } from "./selection-offsets";
import {
  abbreviatePassage,
  extendEndByWord,
  extendStartByWord,
  findParagraphJump,
  findSentenceIndex,
  trimEndByWord,
  trimStartByWord,
} from "./text-navigation";
import { articleTextCss, PREVIEW_HIGHLIGHT } from "./text-styles";
import type { TextRange } from "./types";

type Floating = { range: TextRange; top: number; left: number };
/** The keyboard cursor: sentences from `anchor` to `focus`, refined to `range` by word moves. */
type Cursor = { anchor: number; focus: number; range: TextRange };

/**
 * The article's text: highlights, mouse selection with a floating "Add claim" button, and a
 * sentence cursor for the keyboard. Both ways end in the document's own selection, which is
 * read back as exact offsets, so the mouse and the keyboard share one path.
 */
export function ArticleText({
  textRef,
  text,
  paragraphs,
  marks,
  sentences,
  activeId,
  preview,
  canWrite,
  describeRange,
  onSelectClaim,
  onSelectSuggestion,
  onAddClaim,
}: {
  textRef: RefObject<HTMLDivElement | null>;
  text: string;
  paragraphs: Paragraph[];
  marks: ParagraphClaims[];
  sentences: TextRange[];
  activeId: string | null;
  preview: TextRange | null;
  canWrite: boolean;
  describeRange: (range: TextRange) => string;
  onSelectClaim: (claimId: string) => void;
  /** A suggestion's marker was activated: show it in the suggestions list. */
  onSelectSuggestion: (hash: string) => void;
  onAddClaim: (range: TextRange) => void;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const cursorRef = useRef<Cursor | null>(null);
  const caretRef = useRef<number | null>(null);
  const [floating, setFloating] = useState<Floating | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const root = textRef.current;
      const box = boxRef.current;
      const selection = document.getSelection();
      if (!root || !box || !selection) return;
      if (selection.isCollapsed && selection.anchorNode && root.contains(selection.anchorNode)) {
        caretRef.current = offsetOfPoint(root, selection.anchorNode, selection.anchorOffset);
        cursorRef.current = null;
      }
      const range = readSelection(root);
      if (!range) {
        setFloating(null);
        return;
      }
      const cursor = cursorRef.current;
      if (cursor && (cursor.range.start !== range.start || cursor.range.end !== range.end)) cursorRef.current = null;
      const rects = selection.getRangeAt(0).getClientRects();
      const last = rects[rects.length - 1] ?? selection.getRangeAt(0).getBoundingClientRect();
      const bounds = box.getBoundingClientRect();
      setFloating({
        range,
        top: Math.min(last.bottom - bounds.top + 6, bounds.height - 8),
        left: Math.max(0, Math.min(last.right - bounds.left - 40, bounds.width - 150)),
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    document.addEventListener("selectionchange", schedule);
    return () => {
      document.removeEventListener("selectionchange", schedule);
      cancelAnimationFrame(frame);
    };
  }, [textRef]);

  useEffect(() => {
    const root = textRef.current;
    if (!root || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const range = preview ? createTextRange(root, paragraphs, preview) : null;
    if (range) CSS.highlights.set(PREVIEW_HIGHLIGHT, new Highlight(range));
    return () => {
      CSS.highlights.delete(PREVIEW_HIGHLIGHT);
    };
  }, [preview, paragraphs, textRef]);

  // The active claim's passage is marked on its own elements: restyling one claim, not the page.
  useEffect(() => {
    const root = textRef.current;
    if (!root || !activeId) return;
    const id = CSS.escape(activeId);
    const elements = root.querySelectorAll(`[data-claims~="${id}"], [data-marker="${id}"]`);
    for (const element of elements) element.setAttribute("data-active", "");
    return () => {
      for (const element of elements) element.removeAttribute("data-active");
    };
  }, [activeId, marks, textRef]);

  /** Selects the cursor's range; `scrollBy` scrolls by that much instead of just enough to show it. */
  function applyCursor(cursor: Cursor, isForward: boolean, what: string, scrollBy?: number) {
    const root = textRef.current;
    if (!root) return;
    cursorRef.current = cursor;
    const domRange = selectTextRange(root, paragraphs, cursor.range);
    if (scrollBy !== undefined) window.scrollBy({ top: scrollBy, behavior: "auto" });
    else if (domRange) revealRange(domRange, isForward);
    const quote = text.slice(cursor.range.start, cursor.range.end);
    const note = describeRange(cursor.range);
    setAnnouncement(`${what}: ${abbreviatePassage(quote, 240)}${note ? `. ${note}` : ""}${canWrite ? ". Press Enter to add a claim." : ""}`);
  }

  function startingCursor(): Cursor | null {
    const current = cursorRef.current;
    if (current) return current;
    const root = textRef.current;
    const range = root ? readSelection(root) : null;
    const offset = range?.start ?? caretRef.current;
    if (offset === null || offset === undefined) return null;
    const index = findSentenceIndex(sentences, offset);
    return { anchor: index, focus: index, range: range ?? sentences[index]! };
  }

  function moveBySentence(step: 1 | -1, isExtending: boolean) {
    if (sentences.length === 0) return;
    const current = startingCursor();
    let anchor: number;
    let focus: number;
    if (!current) {
      anchor = focus = step > 0 ? 0 : sentences.length - 1;
    } else if (!cursorRef.current && !isExtending) {
      // The first arrow after a click or a mouse selection picks the sentence there.
      anchor = focus = current.focus;
    } else {
      focus = clamp(current.focus + step, 0, sentences.length - 1);
      anchor = isExtending ? current.anchor : focus;
    }
    const first = sentences[Math.min(anchor, focus)]!;
    const last = sentences[Math.max(anchor, focus)]!;
    const count = Math.abs(focus - anchor) + 1;
    const what = count === 1 ? `Sentence ${focus + 1} of ${sentences.length}` : `${count} sentences selected`;
    applyCursor({ anchor, focus, range: { start: first.start, end: last.end } }, step > 0, what);
  }

  function moveByWord(edge: "start" | "end", isGrowing: boolean) {
    const current = startingCursor();
    if (!current) return moveBySentence(1, false);
    const moves = {
      start: isGrowing ? extendStartByWord : trimStartByWord,
      end: isGrowing ? extendEndByWord : trimEndByWord,
    };
    const range = moves[edge](text, current.range);
    const what = `${isGrowing ? "Extended" : "Trimmed"} the ${edge === "start" ? "start" : "end"} by a word`;
    applyCursor({ ...current, range }, edge === "end", what);
  }

  function jumpTo(index: number, scrollBy?: number) {
    if (sentences.length === 0) return;
    const sentence = sentences[index]!;
    applyCursor({ anchor: index, focus: index, range: sentence }, index > 0, `Sentence ${index + 1} of ${sentences.length}`, scrollBy);
  }

  /** The sentence the cursor (or the caret, or a mouse selection) is on, if any. */
  function currentIndex(): number | null {
    return startingCursor()?.focus ?? null;
  }

  function moveByParagraph(step: 1 | -1) {
    if (sentences.length === 0) return;
    const index = currentIndex();
    jumpTo(index === null ? (step > 0 ? 0 : sentences.length - 1) : findParagraphJump(sentences, paragraphs, index, step));
  }

  /**
   * Page Down / Page Up: the sentence about a screenful below or above the cursor's, and the page
   * scrolled by as much, so the cursor stays where the eye is.
   */
  function moveByPage(step: 1 | -1) {
    const root = textRef.current;
    if (!root || sentences.length === 0) return;
    const index = currentIndex() ?? 0;
    const topOf = (at: number) => createTextRange(root, paragraphs, sentences[at]!)?.getBoundingClientRect().top ?? 0;
    const from = topOf(index);
    const target = from + step * window.innerHeight * 0.85;
    let next = index;
    while (next + step >= 0 && next + step < sentences.length && (step > 0 ? topOf(next + step) <= target : topOf(next + step) >= target)) next += step;
    if (next === index) next = clamp(index + step, 0, sentences.length - 1);
    jumpTo(next, topOf(next) - from);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // A suggestion's marker is a button of its own: Enter and Space press it.
    if (event.target instanceof HTMLButtonElement) return;
    const isWordMove = event.altKey || event.ctrlKey || event.metaKey;
    const key = event.key;
    let isHandled = true;
    if (key === "Escape") {
      document.getSelection()?.removeAllRanges();
      cursorRef.current = null;
      setAnnouncement("Selection cleared.");
    } else if (key === "Enter") {
      const range = readSelection(event.currentTarget);
      if (range && canWrite) onAddClaim(range);
      else if (!range) setAnnouncement("Nothing selected. Use the arrow keys to select a sentence first.");
      else isHandled = false;
    } else if (isWordMove && (key === "ArrowLeft" || key === "ArrowRight")) {
      if (event.shiftKey) moveByWord("end", key === "ArrowRight");
      else moveByWord("start", key === "ArrowLeft");
    } else if (event.altKey && (key === "ArrowDown" || key === "ArrowUp")) moveByParagraph(key === "ArrowDown" ? 1 : -1);
    else if (key === "PageDown" || key === "PageUp") moveByPage(key === "PageDown" ? 1 : -1);
    else if (key === "ArrowDown" || key === "ArrowRight") moveBySentence(1, event.shiftKey);
    else if (key === "ArrowUp" || key === "ArrowLeft") moveBySentence(-1, event.shiftKey);
    else if (key === "Home") jumpTo(0);
    else if (key === "End") jumpTo(sentences.length - 1);
    else isHandled = false;
    if (isHandled) event.preventDefault();
  }

  function handleClick(event: MouseEvent<HTMLDivElement>) {
    if (!document.getSelection()?.isCollapsed && !(event.target instanceof HTMLButtonElement)) return;
    const target = event.target as HTMLElement;
    const suggestion = target.closest<HTMLElement>("[data-suggestion-marker]")?.dataset.suggestionMarker;
    if (suggestion) return onSelectSuggestion(suggestion);
    const marker = target.closest<HTMLElement>("[data-marker]")?.dataset.marker;
    const claimIds = target.closest<HTMLElement>("[data-claims]")?.dataset.claims?.split(" ");
    const claimId = marker ?? claimIds?.[claimIds.length - 1];
    if (claimId) onSelectClaim(claimId);
  }

  return (
    <div ref={boxRef} className="relative">
      <style>{articleTextCss}</style>
      <div
        ref={textRef}
        id="article-text"
        tabIndex={0}
        role="group"
        aria-label="Article text"
        aria-describedby="article-keyboard-hint"
        onKeyDown={handleKeyDown}
        onClick={handleClick}
        className="space-y-5 rounded-md font-serif text-[1.19rem] leading-[1.75] text-slate-900 selection:bg-brand-600 selection:text-white focus-visible:outline-offset-8"
      >
        {paragraphs.map((paragraph, index) => (
          <ArticleParagraph key={paragraph.start} paragraph={paragraph} marks={marks[index]!} />
        ))}
      </div>
      {floating && canWrite ? (
        <button
          type="button"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onAddClaim(floating.range)}
          style={{ top: floating.top, left: floating.left }}
          className="absolute z-10 inline-flex items-center gap-2 rounded-full bg-slate-900 px-3 py-1.5 font-sans text-sm font-medium text-white shadow-lg hover:bg-brand-700"
        >
          <span aria-hidden="true" className="text-base leading-none">+</span> Add claim
          <kbd className="rounded bg-white/20 px-1 text-xs font-normal">Enter</kbd>
        </button>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function clamp(value: number, min: number, max: number) {
  return Math.max(min, Math.min(max, value));
}

/**
 * Scrolls just enough to show the moving end of the selection, away from the screen's edges. At
 * once, as a text cursor moves, never animated: a key pressed while a smooth scroll was under way
 * (Home, then Page Down) measured the page mid-flight and landed a screen off.
 */
function revealRange(range: Range, isForward: boolean) {
  const rects = range.getClientRects();
  const rect = (isForward ? rects[rects.length - 1] : rects[0]) ?? range.getBoundingClientRect();
  const margin = 96;
  if (rect.top < margin || rect.bottom > window.innerHeight - margin) window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: "auto" });
}
