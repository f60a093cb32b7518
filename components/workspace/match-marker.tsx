"use client";

import { Suspense, use } from "react";
import type { MatchMarker as Marker } from "@/lib/claims/matching/queries";

/** The article's markers, streamed after the list (lib/claims/matching/queries.ts, listMatchMarkers). */
export type MatchMarkers = Promise<Record<string, Marker>>;

const wording: Record<Marker, { glyph: string; text: string; title: string }> = {
  "checked-before": { glyph: "↺", text: "Checked before", title: "The team judged a claim like this in another article: open the claim to see it." },
  repeat: { glyph: "=", text: "Repeated", title: "Another claim in this article says the same: open the claim to see which." },
};

function StreamedMarker({ markers, claimId }: { markers: MatchMarkers; claimId: string }) {
  return <Pill marker={use(markers)[claimId]} />;
}

function Pill({ marker }: { marker: Marker | null | undefined }) {
  if (!marker) return null;
  const { glyph, text, title } = wording[marker];
  return (
    <span title={title} className="rounded-full bg-sky-50 px-2 py-0.5 font-medium text-sky-900 ring-1 ring-sky-400 ring-inset">
      <span aria-hidden="true">{glyph} </span>
      {text}
    </span>
  );
}

/**
 * A small pill on a claim of the list that the team checked before, or that repeats another claim
 * here: the marker a colleague's change brought with the claim's row (`patched`, null for none),
 * else the page's streamed one.
 */
export function MatchMarkerPill({ markers, claimId, patched }: { markers?: MatchMarkers; claimId: string; patched?: Marker | null }) {
  if (patched !== undefined) return <Pill marker={patched} />;
  if (!markers) return null;
  return (
    <Suspense fallback={null}>
      <StreamedMarker markers={markers} claimId={claimId} />
    </Suspense>
  );
}
