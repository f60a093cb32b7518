import { dialectOf, type Db } from "@/lib/config/prisma-client";
import { compareNames, findIdsContaining } from "@/lib/search/text-match";
import { truncate } from "@/lib/text/truncate";
import { findDuplicateSources, normalizeDomain, normalizeSourceName, type DuplicateReason } from "./normalize";
import { parseDomains, readKind } from "./stored";
import type { Source, SourceKind } from "./types";

export { parseDomains, readKind };

export type SourceFilter = { q?: string; kind?: SourceKind };
export type SourceSuggestion = { id: string; name: string; kind: SourceKind; domains: string[] };
export type DuplicateGroup = { sources: Source[]; reasons: DuplicateReason[] };

/**
 * What a typed query is compared with: the name key, and a host fragment. "The Daily Beast"
 * also looks for "dailybeast" among domains; "https://www.thedailybeast.com/x" for the bare host.
 */
export function matchTerms(q: string): { nameKey: string; domain: string } {
  const nameKey = normalizeSourceName(truncate(q, 200));
  const looksLikeHost = /[./:]/.test(q.trim()) && !/\s/.test(q.trim());
  const domain = (looksLikeHost ? normalizeDomain(q) : null) ?? nameKey.replace(/ /g, "");
  return { nameKey, domain };
}

/** 0 is best: exact name or domain; 1 prefix; 2 a later word starts so; 3 anywhere; null no match. */
export function rankMatch(terms: { nameKey: string; domain: string }, nameKey: string, domains: readonly string[]): number | null {
  const ranks: number[] = [];
  if (terms.nameKey) {
    if (nameKey === terms.nameKey) ranks.push(0);
    else if (nameKey.startsWith(terms.nameKey)) ranks.push(1);
    else if (nameKey.includes(` ${terms.nameKey}`)) ranks.push(2);
    else if (nameKey.includes(terms.nameKey)) ranks.push(3);
  }
  if (terms.domain) {
    if (domains.includes(terms.domain)) ranks.push(0);
    else if (domains.some((domain) => domain.startsWith(terms.domain))) ranks.push(1);
    else if (domains.some((domain) => domain.includes(terms.domain))) ranks.push(3);
  }
  return ranks.length > 0 ? Math.min(...ranks) : null;
}

/**
 * The team's registry (merged entries left out) with how much each source is used: two
 * queries whatever the number of sources. Search covers names, domains and notes.
 */
export async function listSources(db: Db, teamId: string, filter: SourceFilter = {}) {
  const q = truncate(filter.q?.trim() ?? "", 200);
  const { nameKey, domain } = matchTerms(q);
  const matching = q
    ? [
        ...new Set([
          ...(await findIdsContaining(db, { table: "Source", teamId, columns: ["name", "notes", "reliability"] }, q)),
          ...(nameKey ? await findIdsContaining(db, { table: "Source", teamId, columns: ["nameKey"] }, nameKey) : []),
          ...(domain ? await findIdsContaining(db, { table: "Source", teamId, columns: ["domains", "homepage"] }, domain) : []),
        ]),
      ]
    : null;
  const sources = (
    await db.source.findMany({
      where: { teamId, mergedIntoId: null, ...(filter.kind ? { kind: filter.kind } : {}), ...(matching ? { id: { in: matching } } : {}) },
      select: { id: true, name: true, kind: true, homepage: true, domains: true, reliability: true },
      orderBy: { name: "asc" },
      take: 1_000,
    })
  ).sort((a, b) => compareNames(a.name, b.name));
  const counts = await countUsage(db, teamId);
  return sources.map((source) => ({
    ...source,
    kind: readKind(source.kind),
    domains: parseDomains(source.domains),
    citationCount: counts.get(source.id)?.citations ?? 0,
    claimCount: counts.get(source.id)?.claims ?? 0,
  }));
}

export type SourceRow = Awaited<ReturnType<typeof listSources>>[number];

/**
 * Live citations and the live claims they are in, per source of the team: one row per source,
 * counted by the database. Over the whole team rather than `sourceId IN (…the listed ids)`: a
 * thousand ids are more bound parameters than Prisma allows on SQLite (the registry of 1,000
 * sources did not load). In SQL of our own because Prisma's groupBy cannot count distinct claims,
 * and grouping by source and claim shaped one row per pair (30,000 for 10,000 claims).
 */
async function countUsage(db: Db, teamId: string): Promise<Map<string, { citations: number; claims: number }>> {
  const team = dialectOf(db) === "postgresql" ? "$1" : "?";
  const rows = await db.$queryRawUnsafe<{ sourceId: string; citations: number | bigint; claims: number | bigint }[]>(
    `SELECT c."sourceId" AS "sourceId", COUNT(*) AS "citations", COUNT(DISTINCT c."claimId") AS "claims"
     FROM "Citation" c JOIN "Claim" k ON k."id" = c."claimId"
     WHERE c."teamId" = ${team} AND c."deletedAt" IS NULL AND k."deletedAt" IS NULL
     GROUP BY c."sourceId"`,
    teamId,
  );
  return new Map(rows.map((row) => [row.sourceId, { citations: Number(row.citations), claims: Number(row.claims) }]));
}

/** One source with the live citations resting on it, and where it went if it was merged. */
export async function getSource(db: Db, teamId: string, sourceId: string) {
  const source = await db.source.findFirst({
    where: { id: sourceId, teamId },
    select: {
      id: true, name: true, kind: true, homepage: true, domains: true, notes: true, reliability: true,
      mergedIntoId: true, revision: true, createdAt: true, updatedAt: true, createdBy: { select: { name: true } },
      citations: {
        where: { teamId, deletedAt: null, claim: { deletedAt: null } },
        orderBy: { createdAt: "desc" },
        take: 500,
        select: {
          id: true, relation: true, url: true, isOrigin: true,
          claim: { select: { id: true, statement: true, article: { select: { id: true, title: true } } } },
        },
      },
    },
  });
  if (!source) return null;
  const [mergedInto, mergedFrom] = await Promise.all([
    source.mergedIntoId
      ? db.source.findFirst({ where: { id: source.mergedIntoId, teamId }, select: { id: true, name: true } })
      : null,
    db.source.findMany({ where: { teamId, mergedIntoId: source.id }, select: { id: true, name: true } }).then((rows) => rows.sort((a, b) => compareNames(a.name, b.name))),
  ]);
  return { ...source, kind: readKind(source.kind), domains: parseDomains(source.domains), mergedInto, mergedFrom };
}

export type SourceDetail = NonNullable<Awaited<ReturnType<typeof getSource>>>;

/** Every unmerged source's id and name, e.g. for a "merge into" choice. */
export async function listSourceNames(db: Db, teamId: string) {
  const rows = await db.source.findMany({ where: { teamId, mergedIntoId: null }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 2_000 });
  return rows.sort((a, b) => compareNames(a.name, b.name));
}

/**
 * Autocomplete for the citation form: name or domain matches, best first (exact, then
 * prefixes, then word starts, then anywhere; shorter names first). An empty query gives nothing.
 */
export async function searchSources(db: Db, teamId: string, q: string, limit = 8): Promise<SourceSuggestion[]> {
  const terms = matchTerms(q);
  if (!terms.nameKey && !terms.domain) return [];
  const matching = [
    ...(terms.nameKey ? await findIdsContaining(db, { table: "Source", teamId, columns: ["nameKey"], limit: 400 }, terms.nameKey) : []),
    ...(terms.domain ? await findIdsContaining(db, { table: "Source", teamId, columns: ["domains"], limit: 400 }, terms.domain) : []),
  ];
  const candidates = await db.source.findMany({
    where: { teamId, mergedIntoId: null, id: { in: [...new Set(matching)] } },
    select: { id: true, name: true, nameKey: true, kind: true, domains: true },
    orderBy: { name: "asc" },
    take: 200,
  });
  return candidates
    .map((source) => {
      const domains = parseDomains(source.domains);
      return { id: source.id, name: source.name, kind: readKind(source.kind), domains, rank: rankMatch(terms, source.nameKey, domains) };
    })
    .filter((entry): entry is SourceSuggestion & { rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || compareNames(a.name, b.name))
    .slice(0, Math.max(1, Math.min(limit, 50)))
    .map(({ rank: _rank, ...suggestion }) => suggestion);
}

/** Groups of unmerged sources that look like one another (same name or a shared own domain). */
export async function listDuplicateGroups(db: Db, teamId: string): Promise<DuplicateGroup[]> {
  const sources = await db.source.findMany({
    where: { teamId, mergedIntoId: null },
    select: { id: true, name: true, kind: true, homepage: true, domains: true },
    orderBy: { createdAt: "asc" },
  });
  return groupDuplicates(sources.map((source) => ({ ...source, kind: readKind(source.kind), domains: parseDomains(source.domains) })));
}

/**
 * Links sources sharing a name key or a domain, then lets findDuplicateSources (the one
 * rule for what counts) say why within each small group. Bucketing keeps this near-linear:
 * comparing every pair would take seconds on a registry of a few thousand sources.
 */
export function groupDuplicates(sources: readonly Source[]): DuplicateGroup[] {
  const parent = sources.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index])));
  const buckets = new Map<string, Set<number>>();
  sources.forEach((source, index) => {
    const nameKey = normalizeSourceName(source.name).replace(/ /g, "");
    const hosts = [...source.domains, source.homepage ?? ""].map((entry) => (entry ? normalizeDomain(entry) : null));
    for (const key of [nameKey ? `name:${nameKey}` : null, ...hosts.map((host) => (host ? `host:${host}` : null))]) {
      if (key) buckets.set(key, (buckets.get(key) ?? new Set()).add(index));
    }
  });
  for (const [key, bucket] of buckets) {
    const members = [...bucket];
    if (members.length < 2) continue;
    // Shared platforms (x.com) do not make two people one; ask the rule once per host.
    const [first, second] = members.map((index) => sources[index]);
    if (key.startsWith("host:") && !findDuplicateSources([first], second)[0]?.sharedDomains.includes(key.slice(5))) continue;
    for (const index of members) parent[find(index)] = find(members[0]);
  }
  const groups = new Map<number, Source[]>();
  sources.forEach((source, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), source]));
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const reasons = new Set(group.flatMap((source) => findDuplicateSources(group, source).flatMap((match) => match.reasons)));
      return { sources: group, reasons: (["same name", "same domain"] as const).filter((reason) => reasons.has(reason)) };
    });
}
