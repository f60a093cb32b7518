import type { Ref, TextareaHTMLAttributes } from "react";
import { inputClasses } from "@/components/ui/field";

type TextAreaFieldProps = {
  id: string;
  label: string;
  errors?: string[];
  /** Shown under the field and tied to it (aria-describedby), e.g. a live character count. */
  hint?: React.ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
} & TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A labelled textarea whose hint and errors are tied to it, as components/ui/field does for inputs. */
export function TextAreaField({ id, label, errors, hint, rows = 3, ...textarea }: TextAreaFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        className={inputClasses}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...textarea}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
