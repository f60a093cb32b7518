/**
 * Characters that no user text in FactDesk keeps (docs/decisions/0007-control-and-bidi-characters.md):
 * control characters, which carry no meaning in prose and break exports (a NUL ends a C string,
 * a form feed starts a page), and the bidi embedding, override and isolate controls, which make a
 * reader see text in another order than it is stored ("Trojan Source"). Arabic and Hebrew need
 * none of them: the Unicode bidi algorithm orders right-to-left text by its own letters. The
 * direction marks LRM, RLM and ALM (U+200E, U+200F, U+061C) stay: they reorder nothing beyond
 * the neutral characters beside them.
 */

// C0 controls except tab and newline (line breaks are unified first), DEL and the C1 controls.
const CONTROL_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI.
const BIDI_CONTROL_RE = /[\u202A-\u202E\u2066-\u2069]/g;
const ANY_UNSAFE_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * The text without control and bidi control characters. CR LF and a lone CR become a newline,
 * as do vertical tab and form feed (so an article keeps its line count); tab and newline stay.
 */
export function stripUnsafeCharacters(text: string): string {
  if (!ANY_UNSAFE_RE.test(text)) return text;
  return text.replace(/\r\n?|[\u000B\u000C]/g, "\n").replace(CONTROL_RE, "").replace(BIDI_CONTROL_RE, "");
}

export function hasUnsafeCharacters(text: string): boolean {
  return ANY_UNSAFE_RE.test(text);
}

/**
 * Every string inside `value` (arrays and plain objects, however deep) stripped the same way;
 * other values as they are. `keepKey` names object keys whose strings are kept exactly
 * (passwords: they are compared, not shown). Nothing is copied unless something changes, so a
 * clean 500-claim report costs one pass of reads.
 */
export function stripUnsafeCharactersDeep<T>(value: T, keepKey: (key: string) => boolean = () => false): T {
  if (typeof value === "string") return (ANY_UNSAFE_RE.test(value) ? stripUnsafeCharacters(value) : value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item, index) => {
      const cleaned = stripUnsafeCharactersDeep(item, keepKey);
      if (cleaned !== item) (copy ??= [...value])[index] = cleaned;
    });
    return (copy ?? value) as T;
  }
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(record)) {
    if (keepKey(key)) continue;
    const cleaned = stripUnsafeCharactersDeep(item, keepKey);
    if (cleaned !== item) (copy ??= { ...record })[key] = cleaned;
  }
  return (copy ?? value) as T;
}
