"use client";

export type Shortcut = [keys: string, does: string];

/**
 * A page's keyboard shortcuts in a disclosure that the page's "?" key also opens (the page
 * owns `isOpen`), with an optional line of advice above the list.
 */
export function ShortcutList({ shortcuts, note, isOpen, onToggle }: {
  shortcuts: Shortcut[];
  note?: string;
  isOpen: boolean;
  onToggle: (isOpen: boolean) => void;
}) {
  return (
    <details open={isOpen} onToggle={(event) => onToggle(event.currentTarget.open)} className="font-sans text-sm text-slate-600">
      <summary className="cursor-pointer select-none font-medium text-slate-700">
        <span aria-hidden="true" className="mr-1 inline-flex size-5 items-center justify-center rounded border border-slate-300 text-xs">
          ?
        </span>
        Keyboard shortcuts
      </summary>
      {note ? <p className="mt-2">{note}</p> : null}
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
