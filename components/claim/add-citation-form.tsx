"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { SOURCE_KINDS, sourceKindLabels, type SourceKind } from "@/lib/sources/types";
import { useClaim } from "./claim-context";
import { CitationFields, readCitationFields, type ViaOption } from "./citation-fields";
import { SourceCombobox } from "./source-combobox";
import type { SourceOption } from "./types";
import { FormProblem, useActionForm } from "./use-action-form";

export const CITATION_SOURCE_ID = "citation-source";

export type RelayTarget = { citationId: string; sourceName: string };

/**
 * The speed path: pick or type a source, fill what is known, Enter. After each citation the form
 * empties and the cursor is back in the source field for the next one. With `relaysFor`, the new
 * citation is where that source got the claim from, one hop nearer the origin.
 */
export function AddCitationForm({
  outlet,
  today,
  viaOptions,
  relaysFor,
  onRelayDone,
}: {
  outlet: string | null;
  today: string;
  viaOptions: ViaOption[];
  relaysFor: RelayTarget | null;
  onRelayDone: () => void;
}) {
  const { actions, team, claimId, report } = useClaim();
  const form = useActionForm();
  const formRef = useRef<HTMLFormElement>(null);
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<SourceOption | null>(null);
  const [kind, setKind] = useState<SourceKind>("outlet");
  const [round, setRound] = useState(0);
  const [isCiting, startCiting] = useTransition();
  const isNew = !selected && query.trim().length > 0;

  function reset() {
    formRef.current?.reset();
    setQuery("");
    setSelected(null);
    setKind("outlet");
    setRound((value) => value + 1); // a fresh combobox: no stale suggestions left open
    onRelayDone();
  }

  // Focus goes back to Source once the fresh combobox is mounted, ready for the next citation.
  useEffect(() => {
    if (round > 0) document.getElementById(CITATION_SOURCE_ID)?.focus();
  }, [round]);

  async function searchSources(q: string): Promise<SourceOption[]> {
    const result = await actions.searchSources({ team, q });
    return result?.ok ? result.data : [];
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = readCitationFields(event.currentTarget);
    const source = selected ? { sourceId: selected.id } : { sourceName: query.trim(), sourceKind: kind };
    form.submit(() => actions.addCitation({ team, claimId, ...source, ...fields, relaysForId: relaysFor?.citationId }), { onSuccess: reset });
  }

  return (
    <section aria-labelledby="add-citation-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="add-citation-heading" className="text-lg font-semibold text-slate-900">
          {relaysFor ? `Trace further: where did ${relaysFor.sourceName} get this?` : "Add a citation"}
        </h2>
        {outlet && !relaysFor ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={isCiting}
            onClick={() => startCiting(async () => void report(await actions.citeArticleOutlet({ team, claimId })))}
          >
            {isCiting ? "Citing…" : `Cite the article's outlet (${outlet})`}
          </Button>
        ) : null}
        {relaysFor ? (
          <Button size="sm" variant="ghost" onClick={onRelayDone}>
            Stop tracing {relaysFor.sourceName}
          </Button>
        ) : null}
      </div>
      <form ref={formRef} noValidate aria-labelledby="add-citation-heading" className="space-y-3" onSubmit={submit}>
        <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <SourceCombobox
            key={round}
            id={CITATION_SOURCE_ID}
            query={query}
            selected={selected}
            errors={form.errorsFor("sourceName") ?? form.errorsFor("sourceId")}
            onQueryChange={setQuery}
            onSelect={setSelected}
            search={searchSources}
          />
          {isNew ? (
            <SelectField
              id="citation-source-kind"
              label="Kind of the new source"
              name="sourceKind"
              value={kind}
              onChange={(event) => setKind(event.target.value as SourceKind)}
              errors={form.errorsFor("sourceKind")}
            >
              {SOURCE_KINDS.map((value) => (
                <option key={value} value={value}>
                  {sourceKindLabels[value]}
                </option>
              ))}
            </SelectField>
          ) : null}
        </div>
        <CitationFields idPrefix="add-citation" defaults={{ relation: "states", accessedAt: today }} viaOptions={viaOptions} errorsFor={form.errorsFor} />
        <FormProblem failure={form.failure} />
        <Button type="submit" disabled={form.isPending}>
          {form.isPending ? "Adding…" : "Add citation"}
        </Button>
      </form>
    </section>
  );
}
