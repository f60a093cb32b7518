"use client";

import { useRef, useState } from "react";
import { findMentionQuery, insertMention, matchMembers, type Mentionable } from "@/lib/notifications/mentions";
import { countOf } from "@/lib/text/plural";
import { TextAreaField } from "./text-area-field";

type MentionFieldProps = {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  members: readonly Mentionable[];
  errors?: string[];
  hint?: React.ReactNode;
} & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange" | "id">;

/**
 * A text area that completes "@name" from the team's members as it is typed: the matches show in
 * a listbox under it (↓ ↑ move, Enter or Tab chooses, Escape closes, a click chooses) while focus
 * stays in the text (aria-activedescendant). The text area keeps its own role (a multi-line
 * textbox: HTML allows no other role on a textarea), with aria-autocomplete and aria-controls.
 */
export function MentionField({ id, label, value, onValueChange, members, errors, hint, onKeyDown, ...textarea }: MentionFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; caret: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = mention ? matchMembers(members, mention.query) : [];
  const isOpen = matches.length > 0;
  const listId = `${id}-mentions`;
  const optionId = (index: number) => `${id}-mention-${index}`;

  function follow(text: string, caret: number) {
    const found = findMentionQuery(text, caret);
    setMention(found ? { ...found, caret } : null);
    setActive(0);
  }

  function choose(member: Mentionable) {
    if (!mention) return;
    const next = insertMention(value, { start: mention.start, caret: mention.caret, name: member.name });
    onValueChange(next.text);
    setMention(null);
    requestAnimationFrame(() => ref.current?.setSelectionRange(next.caret, next.caret));
  }

  return (
    <div className="relative">
      <TextAreaField
        {...textarea}
        ref={ref}
        id={id}
        label={label}
        value={value}
        errors={errors}
        hint={hint}
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={isOpen ? optionId(active) : undefined}
        onChange={(event) => {
          onValueChange(event.target.value);
          follow(event.target.value, event.target.selectionStart);
        }}
        onSelect={(event) => {
          const { selectionStart, selectionEnd } = event.currentTarget;
          // A caret moved away from the "@name" (a click, Home) closes the list.
          if (mention && (selectionStart !== selectionEnd || selectionStart !== mention.caret)) follow(value, selectionStart);
        }}
        onBlur={() => setMention(null)}
        onKeyDown={(event) => {
          if (isOpen && !event.ctrlKey && !event.metaKey && !event.altKey) {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              const step = event.key === "ArrowDown" ? 1 : -1;
              setActive((current) => (current + step + matches.length) % matches.length);
              return;
            }
            if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
              event.preventDefault();
              choose(matches[active] ?? matches[0]!);
              return;
            }
            if (event.key === "Escape") {
              event.preventDefault();
              event.stopPropagation();
              setMention(null);
              return;
            }
          }
          onKeyDown?.(event);
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Team members to mention"
        hidden={!isOpen}
        className="absolute z-20 mt-1 max-h-60 w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
      >
        {matches.map((member, index) => (
          <li
            key={member.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={`cursor-pointer px-3 py-1.5 text-sm ${index === active ? "bg-brand-50 text-brand-900" : "text-slate-800"}`}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(member)}
          >
            {member.name}
          </li>
        ))}
      </ul>
      <p role="status" className="sr-only">
        {isOpen ? `${countOf(matches.length, "member")} to mention: ↓ and Enter to choose.` : ""}
      </p>
    </div>
  );
}
