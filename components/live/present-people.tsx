"use client";

import { useState } from "react";
import { describeComings, initialsOf, type PresentPerson } from "@/lib/presence/group";

/**
 * Colleagues on the same page (lib/presence), quietly: a row of initials and names with where
 * each is and what they do, left out entirely while nobody else is here. Arrivals and departures
 * are announced politely (a live region that is always there, so its first message is read).
 */
export function PresentPeople({ people, label, place, describe }: {
  people: PresentPerson[];
  /** The list's accessible name: "Colleagues on this article". */
  label: string;
  /** Where an arrival is, in the announcement: "on this article". */
  place: string;
  /** What follows a person's name: "claim 3, editing the statement". */
  describe: (person: PresentPerson) => string;
}) {
  // The announcement is worked out while rendering, from the people shown before (React's
  // "adjust state when a prop changes"), not in an effect.
  const [shown, setShown] = useState(people);
  const [announcement, setAnnouncement] = useState("");
  if (shown !== people) {
    setShown(people);
    const message = describeComings(shown, people, place);
    if (message) setAnnouncement(message);
  }
  return (
    <div data-presence className="min-w-0">
      {people.length > 0 ? (
        <ul aria-label={label} className="flex flex-wrap items-center gap-2">
          {people.map((person) => (
            <li key={person.userId} className="flex max-w-full items-center gap-1.5 rounded-full border border-slate-200 bg-slate-50 py-0.5 pr-2.5 pl-0.5 text-xs text-slate-700">
              <span aria-hidden="true" className="grid size-6 shrink-0 place-items-center rounded-full bg-brand-700 text-[0.65rem] font-semibold text-white">
                {initialsOf(person.name)}
              </span>
              <span className="truncate">
                <span className="font-medium text-slate-900">{person.name}</span> {describe(person)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
