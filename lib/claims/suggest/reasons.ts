import { abbreviate } from "@/lib/text/truncate";
import { CUES } from "./cues";
import { tagEntities, type EntityKind } from "./entities";

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
    if (cue.name === "names") {
      supporting.push(...describeNames(sentence, found));
      continue;
    }
    const phrase = cue.name === "question" ? cue.label : `${cue.label} (${abbreviate(found, MAX_SHOWN)})`;
    (cue.polarity > 0 ? supporting : against).push(phrase);
  }
  return [...supporting, ...against];
}

const NAME_LABELS: Record<EntityKind, [one: string, several: string]> = {
  person: ["names a person", "names people"],
  organisation: ["names an organisation", "names organisations"],
  place: ["names a place", "names places"],
  group: ["names a nationality or group", "names nationalities or groups"],
  name: ["names a person or organisation", "names people or organisations"],
};

// One phrase per kind of name, with the names of that kind: "names places (US, Louisiana)".
function describeNames(sentence: string, fallback: string): string[] {
  const byKind = new Map<EntityKind, string[]>();
  for (const entity of tagEntities(sentence)) {
    const names = byKind.get(entity.kind) ?? [];
    if (!names.includes(entity.text)) byKind.set(entity.kind, [...names, entity.text]);
  }
  if (byKind.size === 0) return [`${NAME_LABELS.name[0]} (${abbreviate(fallback, MAX_SHOWN)})`];
  return (Object.keys(NAME_LABELS) as EntityKind[]).flatMap((kind) => {
    const names = byKind.get(kind);
    if (!names) return [];
    const [one, several] = NAME_LABELS[kind];
    return [`${names.length === 1 ? one : several} (${abbreviate(names.join(", "), MAX_SHOWN)})`];
  });
}
