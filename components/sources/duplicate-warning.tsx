/** Shown when the server found a likely duplicate: the editor may still say it is a different source. */
export function DuplicateWarning({ hint, label }: { hint: string; label: string }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p className="font-medium">
        <span aria-hidden="true">⚠ </span>Possible duplicate
      </p>
      <p className="mt-1">{hint}</p>
      <label className="mt-2 flex items-center gap-2 font-medium">
        <input type="checkbox" name="confirmDuplicate" value="on" className="size-4 rounded border-amber-400" />
        {label}: this is a different source
      </label>
    </div>
  );
}
