"use client";

import { useEffect, useRef, useState } from "react";
import { inputClasses } from "@/components/ui/field";
import { buildSourceItems, SourceListbox, type SourceItem } from "./source-listbox";
import type { SourceOption } from "./types";
import { countOf } from "@/lib/text/plural";

const SEARCH_DELAY_MS = 150;

/**
 * Picks a source from the team's registry as the editor types (ARIA combobox with a listbox:
 * arrows move, Enter chooses, Escape closes), or offers to create the typed name as a new source.
 */
export function SourceCombobox({
  id,
  query,
  selected,
  errors,
  onQueryChange,
  onSelect,
  search,
}: {
  id: string;
  query: string;
  selected: SourceOption | null;
  errors?: string[];
  onQueryChange: (query: string) => void;
  onSelect: (option: SourceOption | null) => void;
  search: (q: string) => Promise<SourceOption[]>;
}) {
  const [options, setOptions] = useState<SourceOption[]>([]);
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sequence = useRef(0);
  const items = buildSourceItems(query, options);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    const pending = timer;
    return () => clearTimeout(pending.current);
  }, []);

  function scheduleSearch(q: string) {
    clearTimeout(timer.current);
    const request = ++sequence.current;
    if (!q.trim()) return setOptions([]);
    timer.current = setTimeout(async () => {
      const found = await search(q).catch(() => null);
      if (request !== sequence.current) return; // a later keystroke's answer wins
      if (!found) return setAnnouncement("The registry could not be searched; type the name to add it.");
      setOptions(found);
      setAnnouncement(found.length === 0 ? "No source in the registry matches." : `${countOf(found.length, "source")} found.`);
    }, SEARCH_DELAY_MS);
  }

  function choose(item: SourceItem) {
    if (item.kind === "source") {
      onQueryChange(item.option.name);
      onSelect(item.option);
      setAnnouncement(`${item.option.name} chosen.`);
    } else {
      onSelect(null);
      setAnnouncement(`New source “${item.name}”: choose its kind below.`);
    }
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!isOpen) return setOpen(true);
      if (items.length === 0) return;
      const isDown = event.key === "ArrowDown";
      setActive((current) => (isDown ? (current + 1) % items.length : current <= 0 ? items.length - 1 : current - 1));
    } else if (event.key === "Enter" && isOpen && active >= 0 && items[active]) {
      event.preventDefault();
      choose(items[active]);
    } else if (event.key === "Escape" && isOpen) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  }

  const isExpanded = isOpen && items.length > 0;
  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Source
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={isExpanded}
        aria-controls={listId}
        aria-activedescendant={isExpanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        aria-keyshortcuts="c"
        value={query}
        maxLength={200}
        placeholder="Start typing: outlet, person, document…"
        className={inputClasses}
        onChange={(event) => {
          onQueryChange(event.target.value);
          if (selected) onSelect(null);
          setOpen(true);
          setActive(-1);
          scheduleSearch(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <SourceListbox
        id={listId}
        items={items}
        active={active}
        isOpen={isExpanded}
        optionId={optionId}
        onActivate={setActive}
        onChoose={choose}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {selected ? `✓ From the registry: ${selected.name}` : "Choose from the registry with ↓ and Enter, or type a new name."}
      </p>
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
