import type { Source } from "./types";

// Company-form words that do not tell two organisations apart ("Reuters Ltd" is Reuters).
const CORPORATE_SUFFIXES = new Set([
  "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "corp", "corporation",
  "co", "company", "gmbh", "ag", "sa", "nv", "bv", "pty",
]);

// Letters that Unicode decomposition leaves alone but an editor would type plainly.
const PLAIN_LETTERS: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", ł: "l", đ: "d", ı: "i", þ: "th" };

/**
 * Hosts shared by countless unrelated accounts: two sources that both list
 * "x.com" are not the same source, so these never count as a domain match.
 */
const SHARED_PLATFORM_HOSTS = new Set([
  "x.com", "twitter.com", "facebook.com", "instagram.com", "threads.net", "tiktok.com",
  "youtube.com", "youtu.be", "linkedin.com", "t.me", "telegram.me", "vk.com", "medium.com",
  "substack.com", "github.com", "wikipedia.org", "en.wikipedia.org", "archive.org",
  "web.archive.org", "archive.ph", "docs.google.com", "drive.google.com",
]);

/**
 * A comparison key for a source's name: case, diacritics, punctuation, a
 * leading "The" and trailing company forms ("Inc", "Ltd") do not count, so
 * "The Daily Beast", "daily beast" and "Daily-Beast" all give "daily beast".
 * Scripts are not transliterated: "Коммерсантъ" and "Kommersant" stay different.
 */
export function normalizeSourceName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[øæœßłđıþ]/g, (letter) => PLAIN_LETTERS[letter] ?? letter)
    .replace(/&/g, " and ")
    // Dropped rather than spaced, so "B.B.C." is "bbc" and "O'Brien" is "obrien".
    .replace(/['\u2019.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter(Boolean);
  if (words.length > 1 && words[0] === "the") words.shift();
  while (words.length > 1 && CORPORATE_SUFFIXES.has(words.at(-1) as string)) {
    words.pop();
    // "Smith & Co" leaves a dangling "and".
    if (words.length > 1 && words.at(-1) === "and") words.pop();
  }
  return words.join(" ");
}

/**
 * The bare host of a URL or host name: lower case, no "www.", port, path or
 * trailing dot. Returns null when nothing host-like can be read.
 * International names come back in punycode, as the URL standard gives them.
 */
export function normalizeDomain(urlOrHost: string): string | null {
  const trimmed = urlOrHost.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed)
    ? trimmed
    : `http://${trimmed.replace(/^\/\//, "")}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, "");
  const withoutWww = host.replace(/^www\d*\./, "");
  // Keep "www.com" whole: stripping would leave a bare top-level domain.
  return (withoutWww.includes(".") ? withoutWww : host) || null;
}

export type DuplicateReason = "same name" | "same domain";

/** An existing source that is probably the candidate, and why. */
export type DuplicateMatch<S extends Source = Source> = {
  source: S;
  reasons: DuplicateReason[];
  sharedDomains: string[];
};

/** What is known about a source being added or edited. */
export type SourceCandidate = Pick<Source, "name"> & Partial<Pick<Source, "id" | "homepage" | "domains">>;

/**
 * Existing sources that look like the candidate: same name key (spaces
 * ignored too, so "DailyBeast" matches) or a shared own domain (homepage
 * included). Matches on both come first. The candidate itself (same id) is skipped.
 */
export function findDuplicateSources<S extends Source>(
  sources: readonly S[],
  candidate: SourceCandidate,
): DuplicateMatch<S>[] {
  const nameKey = compactName(candidate.name);
  const candidateDomains = collectOwnDomains(candidate);
  const matches: DuplicateMatch<S>[] = [];
  for (const source of sources) {
    if (candidate.id !== undefined && source.id === candidate.id) continue;
    const reasons: DuplicateReason[] = [];
    if (nameKey && compactName(source.name) === nameKey) reasons.push("same name");
    const sharedDomains = [...collectOwnDomains(source)].filter((domain) => candidateDomains.has(domain));
    if (sharedDomains.length > 0) reasons.push("same domain");
    if (reasons.length > 0) matches.push({ source, reasons, sharedDomains });
  }
  // Stable sort: input order is kept within each group.
  return matches.sort((a, b) => b.reasons.length - a.reasons.length);
}

function compactName(name: string): string {
  return normalizeSourceName(name).replace(/ /g, "");
}

function collectOwnDomains(source: SourceCandidate): Set<string> {
  const domains = new Set<string>();
  for (const raw of [...(source.domains ?? []), source.homepage ?? ""]) {
    const domain = raw ? normalizeDomain(raw) : null;
    if (domain && !SHARED_PLATFORM_HOSTS.has(domain)) domains.add(domain);
  }
  return domains;
}
