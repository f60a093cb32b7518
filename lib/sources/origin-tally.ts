import type { CitedSource, TracedOrigin } from "./chain-types";
import { isSupportingRelation } from "./types";

/**
 * The one place that says what counts as an origin (docs/decisions/0018-provenance-vocabulary.md).
 *
 * - A chain runs from the article's citation through the sources that relay it to its end.
 * - An **origin** is the end of a chain marked as the origin (and not cut off by a missing link).
 *   Nothing else is ever called an origin: not a relay, not the place a trace stops.
 * - A chain that ends anywhere else is **traced as far as** that source; its end is a stop.
 * - **Independent origins** are the distinct origins behind stating or corroborating chains.
 * - **Independent chains** are the distinct ends (origins or stops) of those chains: what the
 *   "two independent chains" evidence rule counts.
 * - A claim **rests on a single origin** when it has exactly one origin and every supporting chain
 *   leads to it from two or more cited sources: one origin repeated, the weakness editors must
 *   see. A first-hand statement (the article cites the person who said it) is not that.
 */
export type OriginTally = {
  /** Supporting chain ends marked as the origin: the only things called origins. */
  reached: TracedOrigin[];
  /** Supporting chain ends not marked as the origin: "traced as far as …". */
  stops: TracedOrigin[];
  independentOrigins: number;
  independentChains: number;
  /** Distinct sources the article cites in support (chains lost in a loop left out). */
  citedSourceCount: number;
  /** Two or more cited sources, every supporting chain ending at the same source. */
  isRepeated: boolean;
  restsOnSingleOrigin: boolean;
};

/** `ends`: the trace's chain ends (`ClaimTrace.origins`), supporting or not. */
export function tallyOrigins(ends: readonly TracedOrigin[], citedSources: readonly CitedSource[]): OriginTally {
  const supporting = ends.filter((end) => end.relations.some(isSupportingRelation));
  const reached = supporting.filter((end) => end.reached);
  const stops = supporting.filter((end) => !end.reached);
  const isRepeated = supporting.length === 1 && citedSources.length >= 2;
  return {
    reached,
    stops,
    independentOrigins: reached.length,
    independentChains: supporting.length,
    citedSourceCount: citedSources.length,
    isRepeated,
    restsOnSingleOrigin: isRepeated && reached.length === 1,
  };
}

/** "the Duma bill, Andrey Kartapolov". */
export function listSourceNames(ends: readonly Pick<TracedOrigin, "name">[]): string {
  return ends.map((end) => end.name).join(", ");
}
