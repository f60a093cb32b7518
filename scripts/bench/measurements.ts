import { listSuggestions } from "../../lib/claims/suggestions";
import type { Db } from "../../lib/config/prisma-client";
import { REPORT_FORMATS } from "../../lib/reports/options";
import type { Figures } from "./figures";
import { measureThroughput, runEditors } from "./load";
import type { BenchData, Editor } from "./seed";
import { describeActionRequest, encodeRouterState, findActionId, readActionResult, type RouteSegment } from "./server-action";
import { median, percentile, round, timeRuns } from "./stats";

export type Context = {
  baseUrl: string;
  db: Db;
  data: BenchData;
  /** Cookie headers of the signed-in sessions, by email. */
  cookies: Map<string, string>;
  log: (line: string) => void;
};

const ACTIONS_DIR = "app/(app)/t/[team]/articles/[articleId]";
const PAGE_TARGET_MS = 300;
const STATUS_TARGET_MS = 50;
const RATIO_TARGET = 0.3;
/** docs/decisions/claim-suggestion-model.md: "a 10,000-word article in well under 300 ms". */
const SUGGESTION_TARGET_MS = 300;

function articlePath({ data }: Context, articleId = data.heavyArticleId) {
  return `/t/${data.slug}/articles/${articleId}`;
}

function articleSegments({ data }: Context, articleId = data.heavyArticleId): RouteSegment[] {
  return ["", "(app)", "t", ["team", data.slug], "articles", ["articleId", articleId]];
}

function editorCookie(context: Context, editor: Editor = context.data.editors[0]) {
  return context.cookies.get(editor.email)!;
}

async function fetchOk(url: string, init: RequestInit & { expect?: (body: Buffer) => boolean }) {
  const response = await fetch(url, init);
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok || (init.expect && !init.expect(body))) throw new Error(`${url}: HTTP ${response.status} ${body.toString("utf8", 0, 200)}`);
  return body;
}

/** The heavy article's workspace page, one request at a time: time to the last byte of its HTML. */
export async function measureWorkspacePage(context: Context, runs: number): Promise<Figures> {
  const url = `${context.baseUrl}${articlePath(context)}`;
  const headers = { Cookie: editorCookie(context) };
  const isWorkspace = (body: Buffer) => body.includes("data-workspace");
  let size = 0;
  for (let warm = 0; warm < 3; warm += 1) size = (await fetchOk(url, { headers, expect: isWorkspace })).length;
  const times = await timeRuns(runs, async () => void (await fetchOk(url, { headers, expect: isWorkspace })));
  context.log(`workspace page: ${runs} requests of ${(size / 1e6).toFixed(2)} MB HTML, ${times.map((ms) => Math.round(ms)).join(" ")} ms`);
  return {
    "workspace page p50": { value: round(median(times)), unit: "ms", target: PAGE_TARGET_MS, better: "lower" },
    "workspace page p95": { value: round(percentile(times, 95)), unit: "ms", target: PAGE_TARGET_MS, better: "lower" },
  };
}

/**
 * Requests per second of the workspace page beside /api/health (one trivial database read),
 * both with 10 connections in this run; the figure is their ratio. A typical 8-claim article of
 * the same team is measured too, to tell the cost of the page from the cost of its size.
 */
export async function measureThroughputRatio(context: Context, seconds: { page: number; baseline: number }): Promise<Figures> {
  const headers = { Cookie: editorCookie(context) };
  const connections = 10;
  const baseline = await measureThroughput(`${context.baseUrl}/api/health`, headers, { connections, seconds: seconds.baseline });
  const heavy = await measureThroughput(`${context.baseUrl}${articlePath(context)}`, headers, { connections, seconds: seconds.page });
  const small = await measureThroughput(`${context.baseUrl}${articlePath(context, context.data.smallArticleId)}`, headers, { connections, seconds: seconds.baseline });
  const describe = (label: string, run: typeof baseline) => `${label} ${run.requestsPerSecond.toFixed(1)}/s (${run.requests} in ${run.seconds} s)`;
  context.log(`throughput, ${connections} connections: ${describe("/api/health", baseline)}; ${describe("heavy workspace", heavy)}; ${describe("typical workspace", small)}`);
  return {
    "workspace page / baseline req/s": { value: round(heavy.requestsPerSecond / baseline.requestsPerSecond, 4), unit: "ratio", target: RATIO_TARGET, better: "higher" },
    "workspace page, 8-claim article / baseline req/s": { value: round(small.requestsPerSecond / baseline.requestsPerSecond, 4), unit: "ratio", target: RATIO_TARGET, better: "higher" },
  };
}

/** Counts the status changes recorded in the claims' history, to check each answer against the database. */
function countStatusEvents(context: Context) {
  const ids = context.data.editors.flatMap((editor) => editor.claims.map((claim) => claim.id));
  return context.db.claimEvent.count({ where: { claimId: { in: ids }, type: "status_changed" } });
}

/**
 * setClaimStatusAction as the claim page calls it (the response carries the re-rendered page):
 * first one editor alone, `changes.alone` changes one after another (what one change costs), then
 * 20 editors at once, `changes.each` changes each. Every answer is checked, and the history
 * must hold exactly as many new status changes as were accepted.
 */
export async function measureStatusChanges(context: Context, changes: { alone: number; each: number }): Promise<Figures> {
  const { data } = context;
  const actionId = findActionId(`${ACTIONS_DIR}/verification-actions.ts`, "setClaimStatusAction");
  const routerState = (claimId: string) => encodeRouterState([...articleSegments(context), "claims", ["claimId", claimId]]);
  const reread = async (claimId: string) => {
    const claim = await context.db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true, status: true } });
    return { revision: claim.revision, status: claim.status as Editor["claims"][number]["status"] };
  };
  const figures: Figures = {};
  const rounds = [["one editor", data.editors.slice(0, 1), changes.alone], [`${data.editors.length} editors`, data.editors, changes.each]] as const;
  for (const [label, editors, changesEach] of rounds) {
    const before = await countStatusEvents(context);
    const run = await runEditors({
      baseUrl: context.baseUrl, slug: data.slug, articleId: data.heavyArticleId, actionId, routerState, changesEach,
      editors: editors.map((editor) => ({ ...editor, cookie: editorCookie(context, editor) })),
      reread,
    });
    const recorded = (await countStatusEvents(context)) - before;
    const p50 = round(median(run.latencies));
    const p95 = round(percentile(run.latencies, 95));
    context.log(
      `status changes, ${label}: ${run.changed} accepted, ${run.failures.length} refused or failed, ${recorded} recorded in the history; ` +
        `${(run.latencies.length / run.seconds).toFixed(1)}/s over ${run.seconds} s; p50 ${p50} ms, p95 ${p95} ms, max ${Math.round(Math.max(...run.latencies))} ms`,
    );
    for (const failure of run.failures.slice(0, 5)) context.log(`  refused: ${failure}`);
    if (run.failures.length > 0 || recorded !== run.changed) {
      throw new Error(`status changes, ${label}: ${run.failures.length} failed and ${recorded} of ${run.changed} accepted changes are in the history`);
    }
    figures[`status change p50 (${label})`] = { value: p50, unit: "ms", target: STATUS_TARGET_MS, better: "lower" };
    figures[`status change p95 (${label})`] = { value: p95, unit: "ms", target: STATUS_TARGET_MS, better: "lower" };
  }
  return figures;
}

/**
 * Each report format of one article over HTTP: one warm-up download, then the median of up to
 * `runs` more while the format has taken less than 20 s in all; a format slower than that is
 * timed by its first download alone (for PDF, that one includes starting Chromium).
 */
export async function measureExports(context: Context, input: { articleId: string; label: string; runs: number }): Promise<Figures> {
  const headers = { Cookie: editorCookie(context) };
  const figures: Figures = {};
  for (const format of REPORT_FORMATS) {
    const url = `${context.baseUrl}/api/t/${context.data.slug}/articles/${input.articleId}/report?format=${format}`;
    const expect = (body: Buffer) => body.length > 1_000 && (format !== "pdf" || body.subarray(0, 5).toString() === "%PDF-");
    let body = Buffer.alloc(0);
    const download = async () => void (body = await fetchOk(url, { headers, expect }));
    const [first] = await timeRuns(1, download);
    const timed: number[] = [];
    while (timed.length < input.runs && timed.reduce((sum, ms) => sum + ms, first) < 20_000) timed.push(...(await timeRuns(1, download)));
    const pages = format === "pdf" ? `, ${body.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? "?"} pages` : "";
    const then = timed.length > 0 ? `then ${timed.map((ms) => Math.round(ms)).join(" ")} ms` : "no second run (over 20 s)";
    context.log(`export ${format}${input.label}: ${(body.length / 1e6).toFixed(2)} MB${pages}; first ${Math.round(first)} ms, ${then}`);
    figures[`export ${format}${input.label}`] = { value: round(timed.length > 0 ? median(timed) : first), unit: "ms", target: format === "pdf" ? 5_000 : 1_000, better: "lower" };
  }
  return figures;
}

/**
 * "Suggest claims" on the heavy article: suggestClaimsAction over HTTP as the workspace calls it,
 * and listSuggestions in this process (the same work without the server around it).
 */
export async function measureSuggestions(context: Context, runs: number): Promise<Figures> {
  const { data } = context;
  const actionId = findActionId(`${ACTIONS_DIR}/actions.ts`, "suggestClaimsAction");
  const request = describeActionRequest({
    origin: context.baseUrl, cookie: editorCookie(context), actionId, routerState: encodeRouterState(articleSegments(context)),
    argument: { team: data.slug, articleId: data.heavyArticleId },
  });
  const call = async () => {
    const result = readActionResult((await fetchOk(`${context.baseUrl}${articlePath(context)}`, request)).toString("utf8")) as { ok?: boolean };
    if (result?.ok !== true) throw new Error(`suggestClaimsAction: ${JSON.stringify(result).slice(0, 300)}`);
  };
  await call();
  const overHttp = await timeRuns(runs, call);
  const actor = { teamId: (await context.db.team.findUniqueOrThrow({ where: { slug: data.slug } })).id, userId: data.editors[0].id };
  const inProcess = await timeRuns(2 * runs + 1, async () => void (await listSuggestions(context.db, actor, { articleId: data.heavyArticleId })));
  context.log(`claim suggestion: over HTTP ${overHttp.map((ms) => Math.round(ms)).join(" ")} ms; in process ${inProcess.map((ms) => Math.round(ms)).join(" ")} ms (first call cold)`);
  return {
    "claim suggestion (action, HTTP)": { value: round(median(overHttp)), unit: "ms", target: SUGGESTION_TARGET_MS, better: "lower" },
    "claim suggestion (in process)": { value: round(median(inProcess.slice(1))), unit: "ms", target: SUGGESTION_TARGET_MS, better: "lower" },
  };
}
