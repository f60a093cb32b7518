/**
 * Editors' words set into GitHub-flavoured Markdown without turning into markup: a statement
 * that says "*all* <b>" or starts with "1." must read as typed wherever it is pasted.
 */

/** Escapes inline syntax, raw HTML and entities, and what would start a block at a line's start. */
export function escapeMarkdown(text: string): string {
  if (!/[\\`*_[\]<>|~&]/.test(text) && !/^\s*(?:[#+=-]|\d+[.)])/m.test(text)) return text;
  return text
    .replace(/[\\`*_[\]<>|~&]/g, "\\$&")
    .replace(/^(\s*)([#+=-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

/** One line, for headings, table cells and list items. */
export function inlineMarkdown(text: string): string {
  return escapeMarkdown(text.replace(/\s*\r?\n\s*/g, " ").trim());
}

/** Several lines kept as hard line breaks, blank lines as paragraph breaks. */
export function blockMarkdown(text: string, prefix = ""): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() === "" ? prefix.trimEnd() : `${prefix}${escapeMarkdown(line.trim())}  `))
    .join("\n");
}

/** A link for web addresses only; anything else is shown as text. */
export function linkMarkdown(url: string, label = url): string {
  if (!/^https?:\/\//i.test(url)) return inlineMarkdown(url);
  // Encoded, these cannot end the <…> destination or split a table cell.
  const target = url.replace(/[<>|\s]/g, (character) => encodeURIComponent(character));
  return `[${inlineMarkdown(label)}](<${target}>)`;
}

/** A two-column table from label/value pairs, already Markdown (escaped, so no bare "|"). */
export function tableMarkdown(rows: readonly (readonly [string, string])[], headers: readonly [string, string]): string {
  return [`| ${headers[0]} | ${headers[1]} |`, "| --- | --- |", ...rows.map(([label, value]) => `| ${label} | ${value} |`)].join("\n");
}
