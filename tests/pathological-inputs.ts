/**
 * Inputs that once froze the server (issue 15): parsing them took minutes on the request thread.
 * Shared by the unit tests and the browser test of the parsing budget.
 */

/** `<b><i>` nested `levels` deep around one letter: 120,000 levels is 1.7 MB and took 40 s. */
export function nestFormatting(levels: number): string {
  return `${"<b><i>".repeat(levels)}x${"</b></i>".repeat(levels)}`;
}

/** Table rows outside any table, each with a stray link: `times` 238,000 is 5 MB and took 150 s. */
export function strayTableRows(times: number): string {
  return "<tr><td>x</td>text<a>".repeat(times);
}

/** A Markdown quote nested `levels` deep: marked's lexer recurses once per level. */
export function nestQuotes(levels: number): string {
  return `${">".repeat(levels)} x`;
}
