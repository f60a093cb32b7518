import type { CitedSource, TracedOrigin } from "./chain-types";
import { countSources } from "./lookup";
import { listSourceNames } from "./origin-tally";
import type { OriginTally } from "./origin-tally";
import { isSupportingRelation } from "./types";
import type { Citation } from "./types";

type SummaryInput = {
  citationCount: number;
  starts: readonly Citation[];
  tally: OriginTally;
  contradicting: readonly TracedOrigin[];
  citedSources: readonly CitedSource[];
};

/**
 * One sentence for the claim's row, in the vocabulary of `tallyOrigins`: "3 outlets, 1 origin:
 * the Duma bill", "2 independent origins: the Duma bill, Andrey Kartapolov", "No origin reached
 * yet (traced as far as BBC News)". Only reached ends are called origins; a chain that stops
 * short is named apart ("another chain stops at …"). The count of cited sources is given only
 * when the claim rests on a single origin: one origin repeated by several outlets.
 */
export function describeTrace({ citationCount, starts, tally, contradicting, citedSources }: SummaryInput): string {
  if (citationCount === 0) return "No sources cited yet";
  const hasSupportingCitation = starts.some((start) => isSupportingRelation(start.relation));
  let sentence: string;
  if (!hasSupportingCitation) {
    sentence = "No supporting source cited";
  } else if (tally.reached.length === 0) {
    sentence = tally.stops.length === 0 ? "No origin reached yet" : `No origin reached yet (traced as far as ${listSourceNames(tally.stops)})`;
  } else {
    const prefix = tally.restsOnSingleOrigin ? `${countSources(citedSources.map((cited) => cited.source))}, ` : "";
    const count = tally.reached.length === 1 ? "1 origin" : `${tally.reached.length} independent origins`;
    sentence = `${prefix}${count}: ${listSourceNames(tally.reached)}`;
    if (tally.stops.length > 0) {
      sentence += `; ${tally.stops.length === 1 ? "another chain stops" : "other chains stop"} at ${listSourceNames(tally.stops)}`;
    }
  }
  if (contradicting.length > 0) sentence += `; contradicted by ${describeContradicting(contradicting)}`;
  return sentence;
}

function describeContradicting(ends: readonly TracedOrigin[]): string {
  return ends.map((end) => (end.reached ? end.name : `${end.name} (not traced to an origin)`)).join(", ");
}
