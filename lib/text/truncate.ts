/**
 * Cuts that never split a surrogate pair. An emoji (and any character beyond U+FFFF) is two UTF-16
 * units; half of one is a lone surrogate, which neither the database driver nor JSON will carry,
 * so a user's text is only ever cut between whole characters.
 */

/** True when `at` falls between the two halves of a surrogate pair in `text`. */
export function isInsidePair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Moves a cut off the middle of a surrogate pair by one unit in `direction`. */
export function toCharBoundary(text: string, at: number, direction: 1 | -1): number {
  return isInsidePair(text, at) ? at + direction : at;
}

/** At most the first `max` UTF-16 units of `text`: one fewer when the cut would split an emoji. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, toCharBoundary(text, max, -1));
}

/** `text` shortened to `max` characters with an ellipsis, for labels and announcements. */
export function abbreviate(text: string, max: number): string {
  return text.length <= max ? text : `${truncate(text, max - 1).trimEnd()}…`;
}
