import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";

export const inputClasses =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 read-only:bg-slate-100 read-only:text-slate-700 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
};

/** A labelled input whose errors are announced and tied to it (aria-describedby). */
export function Field({ label, name, errors, hint, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={fieldId}
        name={name}
        className={inputClasses}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(fieldId, errors, hint)}
        {...input}
      />
      <FieldNotes fieldId={fieldId} errors={errors} hint={hint} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  id,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const fieldId = id ?? `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={fieldId}
        name={name}
        className={inputClasses}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(fieldId, errors, hint)}
        {...select}
      >
        {children}
      </select>
      <FieldNotes fieldId={fieldId} errors={errors} hint={hint} />
    </div>
  );
}

function describedBy(fieldId: string, errors?: string[], hint?: string): string | undefined {
  const ids = [hint ? `${fieldId}-hint` : null, errors?.length ? `${fieldId}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldNotes({ fieldId, errors, hint }: { fieldId: string; errors?: string[]; hint?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${fieldId}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}
