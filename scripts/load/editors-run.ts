import type { ActionName } from "./actions";
import type { LoadTeam } from "./seed";
import type { ActionResponse, Session } from "./session";
import { summarizeLatency } from "./stats";

/** What the editors did, as the server answered it: the database must agree afterwards. */
export type LoadOutcome = {
  requests: number;
  accepted: { comment: number; status: number; citation: number; edit: number; contendedEdit: number };
  /** Refused with "Your change was not saved" (a stale revision): expected on a shared claim. */
  conflicts: number;
  errors: string[];
  latencyMs: number[];
  /** Per claim: the revision and statement the accepted changes leave it with. */
  claims: Map<string, ClaimExpectation>;
  elapsedMs: number;
};

/** `statementAt`: the revision the winning save named; accepted saves of one claim are ordered by it. */
export type ClaimExpectation = { revision: number; statement: string | null; statementAt: number };

export type LoadPlan = {
  team: LoadTeam;
  sessions: Session[];
  actionIds: Record<ActionName, string>;
  durationMs: number;
  /** The claim's current revision, as a reload of its page would show it. */
  readRevision: (claimId: string) => number | Promise<number>;
  /**
   * Mean pause before each of an editor's actions, in ms (exponentially distributed, as people's
   * pauses are); 0 makes every editor send the next request the moment the last one is answered,
   * which measures how much the server can take, not how a desk of people feels it.
   */
  thinkMs?: number;
};

type OwnStatus = "unchecked" | "in_progress";
const RELATIONS = ["states", "corroborates", "contradicts", "context"] as const;
const CONFLICT = /Your change was not saved/;

/**
 * Each editor loops until the time is up: comment on any claim, move their own claim's state,
 * cite a source on any claim, edit their own claim's statement, and edit their article's shared
 * claim (whose revision others bump too, so a stale save is refused now and then).
 */
export async function runEditors(plan: LoadPlan): Promise<LoadOutcome> {
  const outcome: LoadOutcome = {
    requests: 0,
    accepted: { comment: 0, status: 0, citation: 0, edit: 0, contendedEdit: 0 },
    conflicts: 0,
    errors: [],
    latencyMs: [],
    claims: new Map(plan.team.claims.map((claim) => [claim.id, { revision: 1, statement: null, statementAt: 0 }])),
    elapsedMs: 0,
  };
  const { owned, shared } = assignClaims(plan.team, plan.sessions.length);
  const started = Date.now();
  const deadline = started + plan.durationMs;
  await Promise.all(plan.sessions.map((session, index) => loopEditor({ plan, session, index, own: owned[index], shared: shared[index], outcome, deadline })));
  outcome.elapsedMs = Date.now() - started;
  return outcome;
}

/** An editor's pause before an action: exponential with the given mean, never past the deadline. */
function think(meanMs: number, deadline: number) {
  if (meanMs <= 0) return Promise.resolve();
  const pause = Math.min(-meanMs * Math.log(1 - Math.random()), Math.max(0, deadline - Date.now()));
  return new Promise((resolve) => setTimeout(resolve, pause));
}

/** Editor i owns one claim; the last claim of every article is shared by that article's editors. */
export function assignClaims(team: LoadTeam, editors: number) {
  const byArticle = new Map<string, string[]>();
  for (const claim of team.claims) byArticle.set(claim.articleId, [...(byArticle.get(claim.articleId) ?? []), claim.id]);
  const ownable = [...byArticle.values()].flatMap((ids) => ids.slice(0, -1));
  if (ownable.length < editors) throw new Error(`${editors} editors need ${editors} claims of their own, the team has ${ownable.length}`);
  const sharedOf = new Map([...byArticle.values()].flatMap((ids) => ids.slice(0, -1).map((id) => [id, ids[ids.length - 1]] as const)));
  const owned = ownable.slice(0, editors);
  return { owned, shared: owned.map((id) => sharedOf.get(id)!) };
}

async function loopEditor(input: { plan: LoadPlan; session: Session; index: number; own: string; shared: string; outcome: LoadOutcome; deadline: number }) {
  const { plan, session, index, own, shared, outcome, deadline } = input;
  const { team, actionIds } = plan;
  const claimOf = new Map(team.claims.map((claim) => [claim.id, claim]));
  // Each action is posted to the page the browser calls it from: statements are edited in the
  // article's workspace, the rest on the claim's page.
  const pageFor = (claimId: string, action: ActionName) => (action === "updateClaimAction" ? claimOf.get(claimId)!.articleUrl : claimOf.get(claimId)!.pageUrl);
  const anyClaim = () => team.claims[Math.floor(Math.random() * team.claims.length)].id;
  let ownStatus: OwnStatus = "unchecked";
  let round = 0;

  async function call(kind: string, claimId: string, action: ActionName, input: Record<string, unknown>): Promise<"accepted" | "conflict" | "error"> {
    await think(plan.thinkMs ?? 0, deadline);
    let response: ActionResponse;
    try {
      response = await session.callAction(pageFor(claimId, action), actionIds[action], [{ team: team.slug, claimId, ...input }]);
    } catch (error) {
      outcome.requests += 1;
      outcome.errors.push(`${kind} by editor ${index}: ${(error as Error).message}`);
      return "error";
    }
    outcome.requests += 1;
    outcome.latencyMs.push(response.ms);
    if (response.status === 200 && response.result?.ok) return "accepted";
    if (response.status === 200 && response.result && CONFLICT.test(response.result.message ?? "")) {
      outcome.conflicts += 1;
      return "conflict";
    }
    outcome.errors.push(`${kind} by editor ${index}: HTTP ${response.status} ${response.result?.message ?? response.body.slice(0, 300)}`);
    return "error";
  }

  function recordAccepted(claimId: string, namedRevision: number, statement?: string) {
    const claim = outcome.claims.get(claimId)!;
    claim.revision += 1;
    if (statement !== undefined && namedRevision >= claim.statementAt) Object.assign(claim, { statement, statementAt: namedRevision });
  }

  while (Date.now() < deadline) {
    round += 1;
    if ((await call("comment", anyClaim(), "addCommentAction", { body: `Comment ${round} from editor ${index}` })) === "accepted") outcome.accepted.comment += 1;
    if (Date.now() >= deadline) break;

    const next: OwnStatus = ownStatus === "unchecked" ? "in_progress" : "unchecked";
    const statusInput = { revision: outcome.claims.get(own)!.revision, status: next, note: next === "unchecked" ? "Back to the queue" : undefined };
    if ((await call("status", own, "setClaimStatusAction", statusInput)) === "accepted") {
      outcome.accepted.status += 1;
      ownStatus = next;
      recordAccepted(own, statusInput.revision);
    }
    if (Date.now() >= deadline) break;

    const citation = { sourceId: team.sourceIds[round % team.sourceIds.length], relation: RELATIONS[round % RELATIONS.length], passage: `Passage ${round}` };
    if ((await call("citation", anyClaim(), "addCitationAction", citation)) === "accepted") outcome.accepted.citation += 1;
    if (Date.now() >= deadline) break;

    const statement = `Statement ${round} by editor ${index}`;
    const ownRevision = outcome.claims.get(own)!.revision;
    if ((await call("edit", own, "updateClaimAction", { revision: ownRevision, statement })) === "accepted") {
      outcome.accepted.edit += 1;
      recordAccepted(own, ownRevision, statement);
    }
    if (Date.now() >= deadline) break;

    const contended = `Shared statement ${round} by editor ${index}`;
    const revision = await plan.readRevision(shared);
    if ((await call("shared edit", shared, "updateClaimAction", { revision, statement: contended })) === "accepted") {
      outcome.accepted.contendedEdit += 1;
      recordAccepted(shared, revision, contended);
    }
  }
}

export function formatOutcome(outcome: LoadOutcome, editors: number, thinkMs = 0) {
  const accepted = Object.values(outcome.accepted).reduce((sum, count) => sum + count, 0);
  const latency = summarizeLatency(outcome.latencyMs);
  const seconds = outcome.elapsedMs / 1000;
  return [
    `${editors} editors for ${seconds.toFixed(1)} s, ${thinkMs > 0 ? `pausing ${thinkMs} ms on average before each action` : "each sending the next request the moment the last is answered"}: ${outcome.requests} requests (${(outcome.requests / seconds).toFixed(1)}/s)`,
    `accepted ${accepted}: ${Object.entries(outcome.accepted).map(([kind, count]) => `${kind} ${count}`).join(", ")}`,
    `refused as stale (expected on shared claims): ${outcome.conflicts}`,
    `errors: ${outcome.errors.length}`,
    `latency ms: p50 ${latency.p50}, p95 ${latency.p95}, p99 ${latency.p99}, max ${latency.max}`,
  ].join("\n");
}
