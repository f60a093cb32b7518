import { Field, SelectField } from "@/components/ui/field";
import { CITATION_RELATIONS, citationRelationLabels, type CitationRelation } from "@/lib/sources/types";
import { PASSAGE_MAX } from "@/lib/citations/limits";
import { toDateInput } from "./format-history";
import { TextAreaField } from "./text-area-field";
import type { CitationFieldValues } from "./types";

export type ViaOption = { id: string; label: string };
type Errors = (name: string) => string[] | undefined;

/** A citation's own fields, shared by the add and edit forms; read back with `readCitationFields`. */
export function CitationFields({
  idPrefix,
  defaults,
  viaOptions,
  errorsFor,
}: {
  idPrefix: string;
  defaults: Partial<CitationFieldValues>;
  viaOptions: ViaOption[];
  errorsFor: Errors;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField id={id("relation")} label="Relation to the claim" name="relation" defaultValue={defaults.relation ?? "states"} errors={errorsFor("relation")}>
        {CITATION_RELATIONS.map((relation) => (
          <option key={relation} value={relation}>
            {citationRelationLabels[relation]}
          </option>
        ))}
      </SelectField>
      <Field id={id("accessedAt")} label="Accessed on" name="accessedAt" type="date" defaultValue={defaults.accessedAt} errors={errorsFor("accessedAt")} />
      <Field id={id("url")} label="URL" name="url" type="url" inputMode="url" defaultValue={defaults.url} errors={errorsFor("url")} placeholder="https://" />
      <Field id={id("archiveUrl")} label="Archive URL" name="archiveUrl" type="url" inputMode="url" defaultValue={defaults.archiveUrl} errors={errorsFor("archiveUrl")} placeholder="https://web.archive.org/…" />
      <div className="sm:col-span-2">
        <TextAreaField
          id={id("passage")}
          label="Passage (word for word)"
          name="passage"
          maxLength={PASSAGE_MAX}
          defaultValue={defaults.passage}
          errors={errorsFor("passage")}
          hint="What the source says; captures check the page for it."
        />
      </div>
      <SelectField
        id={id("viaCitationId")}
        label="Cited via"
        name="viaCitationId"
        defaultValue={defaults.viaCitationId ?? ""}
        errors={errorsFor("viaCitationId")}
        hint="The citation this source got it from, one step nearer the origin."
      >
        <option value="">None: the chain ends here</option>
        {viaOptions.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <div className="flex items-start gap-2 self-center">
        <input id={id("isOrigin")} type="checkbox" name="isOrigin" defaultChecked={defaults.isOrigin ?? false} className="mt-1" />
        <label htmlFor={id("isOrigin")} className="text-sm text-slate-800">
          This is the origin (primary source reached)
        </label>
      </div>
      <div className="sm:col-span-2">
        <TextAreaField id={id("note")} label="Note" name="note" rows={2} maxLength={2_000} defaultValue={defaults.note} errors={errorsFor("note")} />
      </div>
    </div>
  );
}

/** The fields as the citation actions take them; blanks are left for the schema to drop. */
export function readCitationFields(form: HTMLFormElement): CitationFieldValues {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  return {
    relation: (text("relation") || "states") as CitationRelation,
    url: text("url"),
    passage: text("passage"),
    accessedAt: text("accessedAt"),
    archiveUrl: text("archiveUrl"),
    viaCitationId: text("viaCitationId"),
    isOrigin: data.get("isOrigin") === "on",
    note: text("note"),
  };
}

type StoredCitation = {
  relation: string;
  url: string | null;
  passage: string | null;
  accessedAt: Date | string | null;
  archiveUrl: string | null;
  viaCitationId: string | null;
  isOrigin: boolean;
  note: string | null;
};

/** A stored citation's fields as the forms hold them (an edit sends them all back). */
export function valuesOfCitation(citation: StoredCitation): CitationFieldValues {
  return {
    relation: citation.relation as CitationRelation,
    url: citation.url ?? "",
    passage: citation.passage ?? "",
    accessedAt: toDateInput(citation.accessedAt),
    archiveUrl: citation.archiveUrl ?? "",
    viaCitationId: citation.viaCitationId ?? "",
    isOrigin: citation.isOrigin,
    note: citation.note ?? "",
  };
}
