"use client";

import { ShortcutList, type Shortcut } from "@/components/ui/shortcut-list";

const WORKSPACE_SHORTCUTS: Shortcut[] = [
  ["Tab (twice from the top)", "“Skip to the article text”, then Enter moves into it"],
  ["↓ or →", "Select the next sentence"],
  ["↑ or ←", "Select the previous sentence"],
  ["Shift + ↓ / ↑", "Extend or shrink the selection by a sentence"],
  ["Alt + ↓ / ↑", "First sentence of the next / this or the previous paragraph"],
  ["Page Down / Page Up", "The sentence a screenful below / above"],
  ["Alt (or Ctrl) + Shift + → / ←", "Move the end of the selection by a word"],
  ["Alt (or Ctrl) + ← / →", "Move the start of the selection by a word"],
  ["Home / End", "First / last sentence"],
  ["Enter", "Add a claim for the selection"],
  ["Escape", "Clear the selection"],
  ["O", "Open the claim's own page: the one in focus in the list, else the selected one"],
  ["?", "Show or hide these shortcuts, anywhere on the page but in a text field"],
  ["Ctrl + Enter", "Save, while writing a statement"],
];

/** The workspace's keyboard shortcuts, in a disclosure the "?" key also opens (use-help-key.ts). */
export function KeyboardHelp({ isOpen, onToggle }: { isOpen: boolean; onToggle: (isOpen: boolean) => void }) {
  return <ShortcutList shortcuts={WORKSPACE_SHORTCUTS} isOpen={isOpen} onToggle={onToggle} />;
}
