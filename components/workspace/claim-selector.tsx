"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { countOf } from "@/lib/text/plural";
import { describeFilter, listFilterChoices, selectByFilter } from "./claim-selection";
import type { NumberedClaim, TeamMember } from "./types";

const fieldClasses = "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900";

/**
 * Select all, none, or the claims a filter matches (replacing what was ticked). The filter is
 * chosen, then applied with its button, so browsing the select with the keyboard ticks nothing.
 * What was selected is said in a live region ("2 claims awaiting your sign-off selected").
 */
export function ClaimSelector({
  claims,
  members,
  userId,
  checkedCount,
  onSelect,
}: {
  claims: NumberedClaim[];
  members: TeamMember[];
  userId: string;
  checkedCount: number;
  onSelect: (claimIds: string[]) => void;
}) {
  const [choice, setChoice] = useState("");
  /** What the last selection here did, shown while the ticks are still those it made. */
  const [said, setSaid] = useState({ text: "", count: -1 });
  const choices = listFilterChoices(members, userId);

  function select(ids: string[], message: string) {
    onSelect(ids);
    setSaid({ text: message, count: ids.length });
  }

  function selectMatching(what: string, ids: string[]) {
    select(ids, ids.length === 0 ? `No claims are ${what}; nothing is selected.` : `${countOf(ids.length, "claim")} ${what} selected.`);
  }

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="secondary" onClick={() => select(claims.map((claim) => claim.id), `All ${countOf(claims.length, "claim")} selected.`)} disabled={checkedCount === claims.length}>
          Select all<span className="sr-only"> {countOf(claims.length, "claim")}</span>
        </Button>
        <Button size="sm" variant="ghost" onClick={() => select([], "Nothing is selected.")} disabled={checkedCount === 0}>
          Select none
        </Button>
      </div>
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const chosen = choices.find((each) => each.value === choice);
          if (chosen) selectMatching(describeFilter(chosen.filter, members), selectByFilter(claims, chosen.filter, userId));
        }}
      >
        <label className="min-w-0 flex-1">
          <span className="mb-0.5 block text-xs font-medium text-slate-700">Select by…</span>
          <select value={choice} onChange={(event) => setChoice(event.target.value)} className={fieldClasses}>
            <option value="">Choose a filter</option>
            {choices.map((each) => (
              <option key={each.value} value={each.value}>
                {each.label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="sm" variant="secondary" disabled={!choice}>
          Select<span className="sr-only"> the matching claims</span>
        </Button>
      </form>
      <p role="status" className="text-xs text-slate-600 empty:hidden">
        {said.count === checkedCount ? said.text : ""}
      </p>
    </div>
  );
}
