import type { ProvenanceGlance, ProvenanceKind } from "@/lib/sources/map-overview";

type BadgeStyle = { glyph: string; label: (originCount: number) => string; short: (originCount: number) => string; className: string };

/** One origin repeated by several sources is the loudest: it is what editors must not miss. */
const REPEATED: BadgeStyle = {
  glyph: "①",
  label: () => "1 origin, repeated by several sources",
  short: () => "1 origin, repeated",
  className: "bg-amber-100 font-semibold text-amber-950 ring-2 ring-amber-600",
};

/**
 * Each kind has its own glyph, wording and border (solid, double, dashed), so it reads
 * without colour. One origin is no weakness in itself (a first-hand statement has one).
 */
const BADGES: Record<ProvenanceKind, BadgeStyle> = {
  single: {
    glyph: "✓",
    label: () => "1 origin",
    short: () => "1 origin",
    className: "bg-emerald-50 text-emerald-900 ring-1 ring-emerald-400",
  },
  several: {
    glyph: "✓",
    label: (count) => `${count} independent origins`,
    short: (count) => `${count} origins`,
    className: "bg-emerald-50 text-emerald-900 ring-1 ring-emerald-400",
  },
  none_reached: {
    glyph: "?",
    label: () => "No origin reached",
    short: () => "No origin",
    className: "border border-dashed border-orange-600 bg-orange-50 text-orange-950",
  },
  cycle: {
    glyph: "↻",
    label: () => "Citation loop",
    short: () => "Loop",
    className: "border-2 border-double border-red-600 bg-red-50 text-red-900",
  },
  no_support: {
    glyph: "–",
    label: () => "No supporting source",
    short: () => "No support",
    className: "bg-slate-100 text-slate-700 ring-1 ring-slate-300",
  },
  not_traced: {
    glyph: "○",
    label: () => "Not traced yet",
    short: () => "Not traced",
    className: "border border-dashed border-slate-400 bg-white text-slate-600",
  },
};

/** A claim's provenance as a pill; `isCompact` for the workspace list. */
export function ProvenanceBadge({ glance, isCompact = false }: { glance: ProvenanceGlance; isCompact?: boolean }) {
  const style = glance.kind === "single" && glance.restsOnSingleOrigin ? REPEATED : BADGES[glance.kind];
  const text = isCompact ? style.short(glance.originCount) : style.label(glance.originCount);
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs whitespace-nowrap ${style.className}`}>
      <span aria-hidden="true">{style.glyph}</span>
      <span className="sr-only">Provenance: </span>
      {text}
    </span>
  );
}

/** Problems beside the main count: a loop, or a chain that stops short beside the origins reached. */
export function ProvenanceFlags({ glance }: { glance: ProvenanceGlance }) {
  const flags: [glyph: string, text: string][] = [];
  if (glance.hasCycle && glance.kind !== "cycle") flags.push(["↻", "loop in a chain"]);
  if (glance.hasUnreached && (glance.kind === "single" || glance.kind === "several")) flags.push(["?", "a chain stops before its origin"]);
  return (
    <>
      {flags.map(([glyph, text]) => (
        <span key={text} className="rounded-full border border-dashed border-orange-600 px-2 py-0.5 text-xs whitespace-nowrap text-orange-950">
          <span aria-hidden="true">{glyph} </span>
          {text}
        </span>
      ))}
    </>
  );
}

/** The words of each kind, for legends and headlines that must match the badges. */
export function labelProvenanceKind(kind: ProvenanceKind, originCount = 2): string {
  return BADGES[kind].label(originCount);
}
