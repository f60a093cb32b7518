"use client";

import { ShortcutList, type Shortcut } from "@/components/ui/shortcut-list";

const WORKSPACE_SHORTCUTS: Shortcut[] = [
  ["Tab", "Move into the article text"],
  ["↓ or →", "Select the next sentence"],
  ["↑ or ←", "Select the previous sentence"],
  ["Shift + ↓ / ↑", "Extend or shrink the selection by a sentence"],
  ["Alt (or Ctrl) + Shift + → / ←", "Move the end of the selection by a word"],
  ["Alt (or Ctrl) + ← / →", "Move the start of the selection by a word"],
  ["Home / End", "First / last sentence"],
  ["Enter", "Add a claim for the selection"],
  ["Escape", "Clear the selection"],
  ["O", "Open the claim's own page: the one in focus in the list, else the selected one"],
  ["?", "Show or hide these shortcuts"],
  ["Ctrl + Enter", "Save, while writing a statement"],
];

/** The workspace's keyboard shortcuts, in a disclosure the article's "?" key also opens. */
export function KeyboardHelp({ isOpen, onToggle }: { isOpen: boolean; onToggle: (isOpen: boolean) => void }) {
  return <ShortcutList shortcuts={WORKSPACE_SHORTCUTS} isOpen={isOpen} onToggle={onToggle} />;
}
