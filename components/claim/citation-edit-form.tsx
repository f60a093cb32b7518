"use client";

import { Button } from "@/components/ui/button";
import { useClaim } from "./claim-context";
import { CitationFields, readCitationFields, valuesOfCitation, type ViaOption } from "./citation-fields";
import type { ClaimCitation } from "./types";
import { FormProblem, useActionForm } from "./use-action-form";

/** Edits one citation in place; a save over someone else's newer change is refused and shown. */
export function CitationEditForm({ citation, viaOptions, onDone }: { citation: ClaimCitation; viaOptions: ViaOption[]; onDone: () => void }) {
  const { actions, team } = useClaim();
  const form = useActionForm();
  const headingId = `edit-citation-${citation.id}-heading`;
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      className="space-y-3 rounded-md border border-brand-100 bg-brand-50/40 p-3"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault(); // the page's own Escape would leave for the article
        onDone();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const fields = readCitationFields(event.currentTarget);
        form.submit(
          () => actions.updateCitation({ team, citationId: citation.id, revision: citation.revision, sourceId: citation.source.id, ...fields }),
          { onSuccess: onDone },
        );
      }}
    >
      <h4 id={headingId} className="text-sm font-semibold text-slate-900">
        Edit the citation of {citation.source.name}
      </h4>
      <p className="text-xs text-slate-600">To cite a different source, add a new citation and remove this one.</p>
      <CitationFields idPrefix={`edit-${citation.id}`} defaults={valuesOfCitation(citation)} viaOptions={viaOptions} errorsFor={form.errorsFor} />
      <FormProblem failure={form.failure} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={form.isPending}>
          {form.isPending ? "Saving…" : "Save citation"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
