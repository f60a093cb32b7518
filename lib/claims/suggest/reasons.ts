import { abbreviate } from "@/lib/text/truncate";
import { CUES } from "./cues";

const MAX_SHOWN = 40;

/**
 * Short plain phrases telling the editor why a sentence was (or was not) suggested, such as
 * "contains a figure (3.5%)" or "opinion marker (I think)"; supporting cues come first.
 */
export function describeReasons(sentence: string): string[] {
  const supporting: string[] = [];
  const against: string[] = [];
  for (const cue of CUES) {
    const found = cue.find(sentence);
    if (found === null) continue;
    const phrase = cue.name === "question" ? cue.label : `${cue.label} (${abbreviate(found, MAX_SHOWN)})`;
    (cue.polarity > 0 ? supporting : against).push(phrase);
  }
  return [...supporting, ...against];
}
