const TOKEN_PATTERN =
  /\$?\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?%?|[A-Za-z]+(?:'[A-Za-z]+)*|[?!$%;:]|--|-/g;

/**
 * Splits a normalised sentence into lower-case word tokens; numbers become shape tokens
 * ("<year>", "<pct>", "<money>", "<num>") because the values themselves do not generalise.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    tokens.push(mapToken(match[0]));
  }
  return tokens;
}

function mapToken(raw: string): string {
  const first = raw.charCodeAt(0);
  const isDigit = first >= 48 && first <= 57;
  if (!isDigit && !(raw.length > 1 && first === 36)) return raw.toLowerCase();
  if (raw.startsWith("$")) return "<money>";
  if (raw.endsWith("%")) return "<pct>";
  if (/^(1[6-9]|20)\d\d$/.test(raw)) return "<year>";
  if (/^\d+(st|nd|rd|th)$/.test(raw)) return "<ord>";
  if (/^\d+s$/.test(raw)) return "<decade>";
  return "<num>";
}
