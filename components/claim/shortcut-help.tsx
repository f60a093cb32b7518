"use client";

export const CLAIM_SHORTCUTS: Array<[keys: string, does: string]> = [
  ["j or ]", "Next claim"],
  ["k or [", "Previous claim"],
  ["1 – 4", "Set the state: Unchecked, In progress, Needs review, Done"],
  ["c", "Add a citation (focus the source field)"],
  ["v", "Give a verdict (focus the verdict choices)"],
  ["a", "Change the assignee"],
  ["m", "Write a comment"],
  ["Escape", "Back to the article"],
  ["?", "Show or hide these shortcuts"],
];

/** The claim page's keyboard shortcuts, in a disclosure the "?" key also opens. */
export function ShortcutHelp({ isOpen, onToggle }: { isOpen: boolean; onToggle: (isOpen: boolean) => void }) {
  return (
    <details open={isOpen} onToggle={(event) => onToggle(event.currentTarget.open)} className="text-sm text-slate-600">
      <summary className="cursor-pointer select-none font-medium text-slate-700">
        <span aria-hidden="true" className="mr-1 inline-flex size-5 items-center justify-center rounded border border-slate-300 text-xs">
          ?
        </span>
        Keyboard shortcuts
      </summary>
      <p className="mt-2">They work whenever the cursor is not in a text field.</p>
      <dl className="mt-2 grid gap-x-4 gap-y-1.5 sm:grid-cols-[max-content_1fr]">
        {CLAIM_SHORTCUTS.map(([keys, does]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800">{keys}</kbd>
            </dt>
            <dd className="mb-1 sm:mb-0">{does}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
