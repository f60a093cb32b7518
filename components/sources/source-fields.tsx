import type { TextareaHTMLAttributes } from "react";
import { Field, inputClasses, SelectField } from "@/components/ui/field";
import { SOURCE_KINDS } from "@/lib/sources/types";
import { sourceKindLabels } from "./kind-badge";

export type SourceValues = { name?: string; kind?: string; homepage?: string; domains?: string; notes?: string; reliability?: string };

/** The fields of a source, shared by the create and edit forms. */
export function SourceFields({ values, errors }: { values: SourceValues; errors: Record<string, string[] | undefined> }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Name" name="name" required maxLength={200} defaultValue={values.name} errors={errors.name} placeholder="An outlet, a person, a document…" />
      <SelectField label="Kind" name="kind" defaultValue={values.kind ?? "outlet"} errors={errors.kind}>
        {SOURCE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {sourceKindLabels[kind]}
          </option>
        ))}
      </SelectField>
      <Field label="Homepage (optional)" name="homepage" type="url" defaultValue={values.homepage} errors={errors.homepage} placeholder="https://" />
      <Field
        label="Domains (optional)"
        name="domains"
        defaultValue={values.domains}
        errors={errors.domains}
        hint="Separate with commas. Used to spot duplicates and to suggest this source for a link."
        placeholder="example.com, example.org"
      />
      <TextAreaField label="Reliability notes (optional)" name="reliability" maxLength={2_000} defaultValue={values.reliability} errors={errors.reliability} hint="How far the team trusts this source, and why." />
      <TextAreaField label="Notes (optional)" name="notes" maxLength={5_000} defaultValue={values.notes} errors={errors.notes} />
    </div>
  );
}

type TextAreaProps = { label: string; name: string; errors?: string[]; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A labelled textarea, errors tied to it as Field does for inputs. */
function TextAreaField({ label, name, errors, hint, ...textarea }: TextAreaProps) {
  const fieldId = `field-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : null, errors?.length ? `${fieldId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1 sm:col-span-2">
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea id={fieldId} name={name} rows={3} className={inputClasses} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy || undefined} {...textarea} />
      {hint ? <p id={`${fieldId}-hint`} className="text-xs text-slate-500">{hint}</p> : null}
      {errors?.length ? <p id={`${fieldId}-error`} className="text-sm text-red-700">{errors.join(" ")}</p> : null}
    </div>
  );
}
