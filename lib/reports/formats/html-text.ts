/** Text into HTML: everything an editor typed is escaped; only http(s) addresses become links. */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most text has nothing to escape; the test is cheaper than a replace (500-claim reports).
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (character) => ENTITIES[character]) : text;
}

/**
 * A link the reader may follow; the report itself never loads it. Other schemes
 * (javascript:, data:) are shown as text.
 */
export function linkHtml(url: string, label = url): string {
  if (!/^https?:\/\//i.test(url)) return escapeHtml(label);
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}

/** Paragraphs from blank-line-separated text, single line breaks kept. */
export function paragraphsHtml(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\r?\n/g, "<br>")}</p>`)
    .join("");
}
