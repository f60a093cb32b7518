import { SOURCE_KINDS, sourceKindLabels, type SourceKind } from "@/lib/sources/types";

export { sourceKindLabels };

const styles: Record<SourceKind, { glyph: string; className: string }> = {
  outlet: { glyph: "▤", className: "bg-sky-50 text-sky-800 ring-sky-200" },
  person: { glyph: "●", className: "bg-violet-50 text-violet-800 ring-violet-200" },
  document: { glyph: "▯", className: "bg-amber-50 text-amber-900 ring-amber-200" },
  organisation: { glyph: "◆", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  dataset: { glyph: "▦", className: "bg-slate-100 text-slate-800 ring-slate-300" },
};

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === "string" && (SOURCE_KINDS as readonly string[]).includes(value);
}

/** A source's kind as a pill; kinds differ in label and glyph, not only in colour. */
export function KindBadge({ kind }: { kind: string }) {
  const known = isSourceKind(kind) ? kind : "organisation";
  const style = styles[known];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}>
      <span aria-hidden="true">{style.glyph}</span>
      {isSourceKind(kind) ? sourceKindLabels[kind] : kind}
    </span>
  );
}
