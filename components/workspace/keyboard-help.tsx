"use client";

const shortcuts: Array<[keys: string, does: string]> = [
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

/** The keyboard shortcuts, in a disclosure the article's "?" key also opens. */
export function KeyboardHelp({ isOpen, onToggle }: { isOpen: boolean; onToggle: (isOpen: boolean) => void }) {
  return (
    <details
      open={isOpen}
      onToggle={(event) => onToggle(event.currentTarget.open)}
      className="font-sans text-sm text-slate-600"
    >
      <summary className="cursor-pointer select-none font-medium text-slate-700">
        <span aria-hidden="true" className="mr-1 inline-flex size-5 items-center justify-center rounded border border-slate-300 text-xs">
          ?
        </span>
        Keyboard shortcuts
      </summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1.5 sm:grid-cols-[max-content_1fr]">
        {shortcuts.map(([keys, does]) => (
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
