import type { ActionName } from "../../scripts/load/actions";
import { BODY, listSentences, type LoadTeam } from "../../scripts/load/seed";
import type { Session } from "../../scripts/load/session";

/** The writes the client saw acknowledged (HTTP 200 and ok: true), by kind. */
export type Acknowledged = {
  claims: string[];
  citations: string[];
  commentsByClaim: Map<string, number>;
  verdictsByClaim: Map<string, number>;
};

const SENTENCES = listSentences(BODY, 12);
const RATIONALE = "A forecast about what may happen later; nothing to check yet.";

/**
 * Each session loops until stopped: make a claim, cite a source, comment, give one of its own
 * claims a verdict. A request that fails once `stop()` was called (the server is being killed),
 * or that was sent before the moment `tolerateUntil()` names (a server process is killed while
 * the others serve), is neither acknowledged nor an error: its outcome is unknown, and either
 * outcome is fine. `acknowledgedAt` holds when each acknowledgement arrived (Date.now()).
 */
export function startWriters(input: { sessions: Session[]; team: LoadTeam; actionIds: Record<ActionName, string> }) {
  const { sessions, team, actionIds } = input;
  const acknowledged: Acknowledged = { claims: [], citations: [], commentsByClaim: new Map(), verdictsByClaim: new Map() };
  const acknowledgedAt: number[] = [];
  const errors: string[] = [];
  let unknownOutcomes = 0;
  let stopped = false;
  let toleratedUntil = 0;
  const articleUrl = team.claims[0].articleUrl;
  const articleId = team.claims[0].articleId;
  const pageOf = (claimId: string) => `${articleUrl}/claims/${claimId}`;
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];

  async function call(session: Session, url: string, action: ActionName, args: Record<string, unknown>) {
    const sentAt = Date.now();
    const fail = (problem: string) => {
      if (stopped || sentAt < toleratedUntil) unknownOutcomes += 1;
      else errors.push(`${action}: ${problem}`);
    };
    try {
      const response = await session.callAction(url, actionIds[action], [{ team: team.slug, ...args }]);
      if (response.status === 200 && response.result?.ok) {
        acknowledgedAt.push(Date.now());
        return response.result;
      }
      fail(`HTTP ${response.status} ${response.result?.message ?? response.body.slice(0, 200)}`);
    } catch (error) {
      fail((error as Error).message);
    }
    return null;
  }

  const loops = sessions.map(async (session, index) => {
    const own: Array<{ id: string; revision: number }> = [];
    for (let round = 0; !stopped; round += 1) {
      const range = SENTENCES[(index + round) % SENTENCES.length];
      const created = await call(session, articleUrl, "createClaimAction", { articleId, ...range, statement: `Writer ${index} claim ${round}` });
      if (!created) continue;
      const claimId = (created.data as { id: string }).id;
      acknowledged.claims.push(claimId);
      own.push({ id: claimId, revision: 1 });

      const target = pick([...team.claims.map((claim) => claim.id), ...acknowledged.claims]);
      const cited = await call(session, pageOf(target), "addCitationAction", { claimId: target, sourceId: pick(team.sourceIds), relation: "states" });
      if (cited) acknowledged.citations.push((cited.data as { id: string }).id);

      const discussed = pick(acknowledged.claims);
      if (await call(session, pageOf(discussed), "addCommentAction", { claimId: discussed, body: `Writer ${index} round ${round}` })) {
        acknowledged.commentsByClaim.set(discussed, (acknowledged.commentsByClaim.get(discussed) ?? 0) + 1);
      }

      const judged = pick(own);
      const verdict = { claimId: judged.id, revision: judged.revision, verdict: "not_checkable", rationale: RATIONALE };
      if (await call(session, pageOf(judged.id), "giveVerdictAction", verdict)) {
        judged.revision += 1;
        acknowledged.verdictsByClaim.set(judged.id, (acknowledged.verdictsByClaim.get(judged.id) ?? 0) + 1);
      }
    }
  });

  return {
    acknowledged,
    acknowledgedAt,
    errors,
    /** Failures that were not errors: sent before a kill, or failing after stop(). */
    unknownOutcomes: () => unknownOutcomes,
    /** Requests sent before `moment` (ms since the epoch) may fail without being errors. */
    tolerateUntil: (moment: number) => {
      toleratedUntil = moment;
    },
    /** A copy of what is acknowledged so far. */
    snapshot: (): Acknowledged => ({
      claims: [...acknowledged.claims],
      citations: [...acknowledged.citations],
      commentsByClaim: new Map(acknowledged.commentsByClaim),
      verdictsByClaim: new Map(acknowledged.verdictsByClaim),
    }),
    /** Marks the end: what fails from now on is the kill, not a bug. Call before killing. */
    stop: () => {
      stopped = true;
    },
    finished: () => Promise.all(loops),
  };
}
