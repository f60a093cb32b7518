/** One labelled sentence from a CheckThat! check-worthiness file. */
export type LabelledSentence = { id: string; text: string; isCheckWorthy: boolean };

/**
 * Parses the CheckThat! TSV (`Sentence_id<TAB>Text<TAB>class_label`); the text column may be
 * CSV-quoted with doubled quotes inside, and files mix LF and CRLF line ends.
 */
export function parseCheckworthinessTsv(content: string): LabelledSentence[] {
  const lines = content.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines.shift()?.split("\t") ?? [];
  if (header[0] !== "Sentence_id" || header[2] !== "class_label") {
    throw new Error(`Unexpected header: ${header.join(", ")}`);
  }
  return lines.map((line, i) => parseRow(line, i + 2));
}

function parseRow(line: string, lineNumber: number): LabelledSentence {
  const first = line.indexOf("\t");
  const last = line.lastIndexOf("\t");
  const label = line.slice(last + 1).trim();
  if (first < 0 || last === first || (label !== "Yes" && label !== "No")) {
    throw new Error(`Malformed row on line ${lineNumber}`);
  }
  return { id: line.slice(0, first), text: unquote(line.slice(first + 1, last)), isCheckWorthy: label === "Yes" };
}

function unquote(field: string): string {
  if (field.length >= 2 && field.startsWith('"') && field.endsWith('"')) {
    return field.slice(1, -1).replace(/""/g, '"');
  }
  return field;
}
