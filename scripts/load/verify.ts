import type { Db } from "../../lib/config/prisma-client";
import type { LoadOutcome } from "./editors-run";
import type { LoadTeam } from "./seed";

/**
 * Counts what the database holds for the team and compares it with what the server accepted:
 * every accepted change is there, exactly once, and nothing else is. Returns the differences.
 */
export async function compareWithDatabase(db: Db, team: LoadTeam, outcome: LoadOutcome): Promise<{ counts: Record<string, number>; problems: string[] }> {
  const where = { teamId: team.teamId };
  const [comments, citations, events, claims] = await Promise.all([
    db.claimComment.count({ where }),
    db.citation.count({ where }),
    db.claimEvent.groupBy({ by: ["type"], where, _count: { _all: true } }),
    db.claim.findMany({ where, select: { id: true, revision: true, statement: true } }),
  ]);
  const eventCounts = Object.fromEntries(events.map((row) => [row.type, row._count._all]));
  const { accepted } = outcome;
  const expected: Record<string, number> = {
    comments: accepted.comment,
    citations: accepted.citation,
    "events: created": team.claims.length,
    "events: commented": accepted.comment,
    "events: status_changed": accepted.status,
    "events: citation_added": accepted.citation,
    "events: edited": accepted.edit + accepted.contendedEdit,
  };
  const counts: Record<string, number> = {
    comments,
    citations,
    ...Object.fromEntries(Object.entries(eventCounts).map(([type, count]) => [`events: ${type}`, count])),
  };
  const problems: string[] = [];
  for (const key of new Set([...Object.keys(expected), ...Object.keys(counts)])) {
    if ((counts[key] ?? 0) !== (expected[key] ?? 0)) problems.push(`${key}: database ${counts[key] ?? 0}, accepted ${expected[key] ?? 0}`);
  }
  for (const claim of claims) {
    const want = outcome.claims.get(claim.id);
    if (!want) continue;
    if (claim.revision !== want.revision) problems.push(`claim ${claim.id}: revision ${claim.revision}, accepted changes make it ${want.revision}`);
    if (want.statement !== null && claim.statement !== want.statement) problems.push(`claim ${claim.id}: reads "${claim.statement}", last accepted "${want.statement}"`);
  }
  return { counts, problems };
}
