import type { ClaimStatus } from "@/lib/claims/status";

export type ShortcutCommand =
  | { kind: "next" }
  | { kind: "previous" }
  | { kind: "status"; status: ClaimStatus }
  | { kind: "focus"; target: "citation" | "verdict" | "assignee" | "comment" }
  | { kind: "back" }
  | { kind: "help" };

const STATUS_KEYS: Record<string, ClaimStatus> = { "1": "unchecked", "2": "in_progress", "3": "needs_review", "4": "done" };

/** The claim page's command for a key (see shortcut-help.tsx), or null for keys it leaves alone. */
export function commandForKey(key: string): ShortcutCommand | null {
  if (key in STATUS_KEYS) return { kind: "status", status: STATUS_KEYS[key] };
  switch (key) {
    case "j":
    case "]":
      return { kind: "next" };
    case "k":
    case "[":
      return { kind: "previous" };
    case "c":
      return { kind: "focus", target: "citation" };
    case "v":
      return { kind: "focus", target: "verdict" };
    case "a":
      return { kind: "focus", target: "assignee" };
    case "m":
      return { kind: "focus", target: "comment" };
    case "Escape":
      return { kind: "back" };
    case "?":
      return { kind: "help" };
    default:
      return null;
  }
}

type TargetLike = { tagName?: string; isContentEditable?: boolean; closest?: (selector: string) => unknown } | null;

/** Keys typed into a form control (or the source combobox and its list) are the control's own. */
export function isTypingTarget(target: TargetLike): boolean {
  if (!target || typeof target.tagName !== "string") return false;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName.toUpperCase())) return true;
  if (target.isContentEditable) return true;
  return Boolean(target.closest?.('[role="combobox"], [role="listbox"], [contenteditable="true"]'));
}
