"use client";

import { ShortcutList, type Shortcut } from "@/components/ui/shortcut-list";

export const CLAIM_SHORTCUTS: Shortcut[] = [
  ["j or ]", "Next claim"],
  ["k or [", "Previous claim"],
  ["1 – 4", "Set the state: Unchecked, In progress, Needs review, Done"],
  ["c", "Add a citation (focus the source field)"],
  ["v", "Give a verdict (focus the verdict choices)"],
  ["a", "Change the assignee"],
  ["m", "Write a comment"],
  ["Escape", "Back to the article"],
  ["?", "Show or hide these shortcuts, anywhere on the page"],
];

/** The claim page's keyboard shortcuts, in a disclosure the "?" key also opens. */
export function ShortcutHelp({ isOpen, onToggle }: { isOpen: boolean; onToggle: (isOpen: boolean) => void }) {
  return <ShortcutList shortcuts={CLAIM_SHORTCUTS} note="They work whenever the cursor is not in a text field." isOpen={isOpen} onToggle={onToggle} />;
}
