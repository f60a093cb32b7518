import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, dmp } from "@/lib/claims/dmp";

/** One run of a word diff: kept, removed (in `before` only) or added (in `after` only). */
export type DiffPart = { kind: "same" | "removed" | "added"; text: string };
/** A figure that changed: `from` removed and `to` added in the same place (either may be null). */
export type FigureChange = { from: string | null; to: string | null };

// A figure ("94", "1,250", "3.5", "12%") or a word (letters, digits, inner apostrophes and hyphens)
// is one token; so is each run of spaces and each other character. A token is never split.
const TOKEN_RE = /\d+(?:[.,]\d+)*%?|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|\s+|[^\s\p{L}\p{M}\p{N}]/gu;
const FIGURE_RE = /\d+(?:[.,]\d+)*%?/g;

export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/**
 * What was removed from `before` and added in `after`, word by word: diff-match-patch runs on
 * the texts with each distinct token encoded as one character (its lines-to-chars trick), so an
 * edit lands on whole words and figures ("94" → "107", never "1|07").
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const codes = new Map<string, string>();
  const tokens: string[] = [];
  const encode = (text: string) =>
    tokenize(text)
      .map((token) => {
        let code = codes.get(token);
        if (code === undefined) {
          // Past the Basic Multilingual Plane's surrogates, so every code stays one UTF-16 unit.
          const index = tokens.push(token) - 1;
          code = String.fromCharCode(index < 0xd800 ? index : index + 0x800);
          codes.set(token, code);
        }
        return code;
      })
      .join("");
  const diffs = dmp.diff_main(encode(before), encode(after), false);
  const kindOf = { [DIFF_EQUAL]: "same", [DIFF_DELETE]: "removed", [DIFF_INSERT]: "added" } as const;
  const runs = diffs.map(([operation, encoded]) => ({
    kind: kindOf[operation as keyof typeof kindOf],
    text: [...encoded].map((code) => tokens[code.charCodeAt(0) < 0xd800 ? code.charCodeAt(0) : code.charCodeAt(0) - 0x800]).join(""),
  }));
  return joinEdits(runs);
}

/**
 * One removed run then one added run for each stretch between kept words: a lone space kept
 * between two edits is part of the edit ("[-about 40-] militias" rather than "[-about-] [-40-]").
 */
function joinEdits(runs: readonly DiffPart[]): DiffPart[] {
  const parts: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) parts.push({ kind: "removed", text: removed });
    if (added) parts.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  runs.forEach((run, index) => {
    const isGap = run.kind === "same" && /^\s+$/.test(run.text) && (removed || added) && runs[index + 1] && runs[index + 1]?.kind !== "same";
    if (run.kind === "same" && !isGap) {
      flush();
      const last = parts.at(-1);
      if (last?.kind === "same") last.text += run.text;
      else if (run.text) parts.push({ ...run });
      return;
    }
    if (run.kind !== "added") removed += run.text;
    if (run.kind !== "removed") added += run.text;
  });
  flush();
  return parts;
}

/**
 * The figures a diff changed, in order: each run of removals and additions between two kept
 * runs pairs its removed figures with its added ones ("94" → "107"); an unpaired one stands alone.
 */
export function listFigureChanges(parts: readonly DiffPart[]): FigureChange[] {
  const changes: FigureChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (let index = 0; index < Math.max(removed.length, added.length); index += 1) {
      changes.push({ from: removed[index] ?? null, to: added[index] ?? null });
    }
    removed = [];
    added = [];
  };
  for (const part of parts) {
    if (part.kind === "same") flush();
    else (part.kind === "removed" ? removed : added).push(...(part.text.match(FIGURE_RE) ?? []));
  }
  flush();
  return changes;
}

/** "94 → 107", "94 removed", "107 added". */
export function describeFigureChange({ from, to }: FigureChange): string {
  if (from && to) return `${from} → ${to}`;
  return from ? `${from} removed` : `${to} added`;
}

/** True when any word or figure differs. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((part) => part.kind !== "same");
}
