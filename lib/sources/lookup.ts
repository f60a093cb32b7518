import type { Source } from "./types";
import { countOf } from "@/lib/text/plural";

/** Sources as a list or already keyed by id (pass a Map when tracing many claims). */
export type SourceLookup = readonly Source[] | ReadonlyMap<string, Source>;

export function toSourceMap(sources: SourceLookup): ReadonlyMap<string, Source> {
  if (sources instanceof Map) return sources;
  return new Map((sources as readonly Source[]).map((source) => [source.id, source]));
}

/** The display name of a source id, whether or not the source still exists. */
export function nameSource(sourceId: string, sourceById: ReadonlyMap<string, Source>): string {
  return sourceById.get(sourceId)?.name ?? "an unknown source";
}

/** "3 outlets" when every source is an outlet, else "3 sources": the word editors expect. */
export function countSources(sources: readonly (Source | null)[]): string {
  const noun = sources.every((source) => source?.kind === "outlet") ? "outlet" : "source";
  return countOf(sources.length, noun);
}
