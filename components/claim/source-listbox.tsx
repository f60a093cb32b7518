import { KindBadge } from "@/components/sources/kind-badge";
import type { SourceOption } from "./types";

export type SourceItem = { kind: "source"; option: SourceOption } | { kind: "create"; name: string };

/** The suggestions, then "Create new source" when the typed name (2+ characters) matches none exactly. */
export function buildSourceItems(query: string, options: readonly SourceOption[]): SourceItem[] {
  const name = query.trim();
  const items: SourceItem[] = options.map((option) => ({ kind: "source", option }));
  const isKnown = options.some((option) => option.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  return name.length >= 2 && !isKnown ? [...items, { kind: "create", name }] : items;
}

/** The combobox's popup; focus stays in the text field (aria-activedescendant points here). */
export function SourceListbox({
  id,
  items,
  active,
  isOpen,
  optionId,
  onActivate,
  onChoose,
}: {
  id: string;
  items: SourceItem[];
  active: number;
  isOpen: boolean;
  optionId: (index: number) => string;
  onActivate: (index: number) => void;
  onChoose: (item: SourceItem) => void;
}) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Matching sources"
      hidden={!isOpen}
      className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
    >
      {items.map((item, index) => (
        <li
          key={item.kind === "source" ? item.option.id : "create"}
          id={optionId(index)}
          role="option"
          aria-selected={index === active}
          className={`flex cursor-pointer flex-wrap items-center gap-2 px-3 py-1.5 text-sm ${index === active ? "bg-brand-50 text-brand-900" : "text-slate-800"}`}
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => onActivate(index)}
          onClick={() => onChoose(item)}
        >
          {item.kind === "source" ? (
            <>
              <span className="font-medium">{item.option.name}</span>
              <KindBadge kind={item.option.kind} />
              {item.option.domains.length ? <span className="text-xs text-slate-500">{item.option.domains.slice(0, 2).join(", ")}</span> : null}
            </>
          ) : (
            <span>
              <span aria-hidden="true">＋ </span>Create new source “{item.name}”
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
