/**
 * `npx tsx scripts/action-cost.ts [--runs N]`: what one editor's change costs the server, as the
 * browser calls it: the server process's CPU time (user + system, from /proc) and the bytes of
 * the action's answer, for a state change and a comment on the claim page and a statement edit
 * and a one-claim "Set state" in the workspace, on the bench's 1,000-claim article and on an
 * 8-claim one. Seeds the bench's team on a fresh SQLite file and serves the production build
 * (`npm run build` first); one request at a time, after warm-up. Linux only (/proc).
 * `--cpu-prof DIR` has the server write a V8 CPU profile of the whole run into DIR.
 */
import fs from "node:fs";
import { chromium, type Page } from "playwright-core";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type Db } from "../lib/config/prisma-client";
import { migrateDatabase } from "./lib/migrate";
import { seedBench, type BenchData } from "./bench/seed";
import { BENCH_PASSWORD } from "./bench/seed-team";
import { describeActionRequest, encodeRouterState, findActionId, readActionResult, type RouteSegment } from "./bench/server-action";
import { isBuildStale, startServer } from "./bench/server";
import { signIn } from "./bench/session";
import { median, round } from "./bench/stats";

const ACTIONS_DIR = "app/(app)/t/[team]/articles/[articleId]";
const WARM_UP = 20;
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 40;
/** `--cpu-prof DIR`: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
const profileDir = process.argv.includes("--cpu-prof") ? path.resolve(process.argv[process.argv.indexOf("--cpu-prof") + 1] ?? "reports/cpu-profiles") : undefined;
const TICK_MS = 1000 / 100; // USER_HZ: /proc counts CPU time in clock ticks of 10 ms

type Call = { action: [file: string, name: string]; segments: RouteSegment[]; argument: () => Record<string, unknown>; accepted: (data: unknown) => void };
type Scenario = { label: string; call: Call };

function readCpuMs(pid: number): number {
  // Fields after the command's closing parenthesis; utime and stime are the 14th and 15th.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

function articleSegments(data: BenchData, articleId: string): RouteSegment[] {
  return ["", "(app)", "t", ["team", data.slug], "articles", ["articleId", articleId]];
}

/** A claim of the article, put "in progress" without a verdict, as the scenarios start from. */
async function prepareClaim(db: Db, articleId: string, index: number) {
  const claims = await db.claim.findMany({ where: { articleId, deletedAt: null }, orderBy: { position: "asc" }, select: { id: true }, skip: index, take: 1 });
  return db.claim.update({
    where: { id: claims[0]!.id },
    data: { status: "in_progress", verdict: null, rationale: null, verdictById: null, verdictAt: null, signedOffById: null, signedOffAt: null, signedOffDigest: null },
    select: { id: true, revision: true, status: true, statement: true },
  });
}

/** "In progress" ⇄ "Needs review" on the claim page, the way back with its note. */
function statusScenario(data: BenchData, articleId: string, claim: { id: string; revision: number }): Call {
  let status = "in_progress";
  let revision = claim.revision;
  const next = () => (status === "in_progress" ? "needs_review" : "in_progress");
  return {
    action: [`${ACTIONS_DIR}/verification-actions.ts`, "setClaimStatusAction"],
    segments: [...articleSegments(data, articleId), "claims", ["claimId", claim.id]],
    argument: () => ({ team: data.slug, claimId: claim.id, revision, status: next(), note: next() === "in_progress" ? "Sent back for a second look." : "" }),
    accepted: () => {
      status = next();
      revision += 1;
    },
  };
}

function commentScenario(data: BenchData, articleId: string, claim: { id: string }): Call {
  let count = 0;
  return {
    action: [`${ACTIONS_DIR}/verification-actions.ts`, "addCommentAction"],
    segments: [...articleSegments(data, articleId), "claims", ["claimId", claim.id]],
    argument: () => ({ team: data.slug, claimId: claim.id, body: `Checked the second source again (${count + 1}).` }),
    accepted: () => void (count += 1),
  };
}

/** The statement edited in the workspace, back and forth between two wordings. */
function statementScenario(data: BenchData, articleId: string, claim: { id: string; revision: number; statement: string }): Call {
  let revision = claim.revision;
  let isEdited = false;
  return {
    action: [`${ACTIONS_DIR}/actions.ts`, "updateClaimAction"],
    segments: articleSegments(data, articleId),
    argument: () => ({ team: data.slug, claimId: claim.id, revision, statement: isEdited ? claim.statement : `${claim.statement} (reworded)` }),
    accepted: () => {
      revision += 1;
      isEdited = !isEdited;
    },
  };
}

/** One ticked claim's state set from the workspace's bulk actions. */
function bulkStatusScenario(data: BenchData, articleId: string, claim: { id: string }): Call {
  let status = "in_progress";
  const next = () => (status === "in_progress" ? "needs_review" : "in_progress");
  return {
    action: [`${ACTIONS_DIR}/verification-actions.ts`, "bulkUpdateClaimsAction"],
    segments: articleSegments(data, articleId),
    argument: () => ({ team: data.slug, articleId, claimIds: [claim.id], status: next(), note: next() === "in_progress" ? "Sent back for a second look." : "" }),
    accepted: () => void (status = next()),
  };
}

/** For comparison: the cheapest action with the team guard, a read (no throttle, no change). */
function searchScenario(data: BenchData, articleId: string): Call {
  return {
    action: ["app/(app)/t/[team]/sources/actions.ts", "searchSourcesAction"],
    segments: articleSegments(data, articleId),
    argument: () => ({ team: data.slug, q: "Duma" }),
    accepted: () => undefined,
  };
}

async function measure(baseUrl: string, cookie: string, pid: number, call: Call) {
  const actionId = findActionId(...call.action);
  const routerState = encodeRouterState(call.segments);
  const pagePath = `/${call.segments.slice(1).map((segment) => (typeof segment === "string" ? segment : segment[1])).filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
  const once = async () => {
    const request = describeActionRequest({ origin: baseUrl, cookie, actionId, routerState, argument: call.argument() });
    const started = performance.now();
    const response = await fetch(`${baseUrl}${pagePath}`, { ...request, headers: { ...request.headers, "Accept-Encoding": "identity" } });
    const body = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    const result = readActionResult(body.toString("utf8")) as { ok?: boolean; message?: string; data?: unknown };
    if (response.status !== 200 || result?.ok !== true) throw new Error(`${call.action[1]}: HTTP ${response.status} ${JSON.stringify(result).slice(0, 300)}`);
    call.accepted(result.data);
    return { bytes: body.length, ms };
  };
  for (let warm = 0; warm < WARM_UP; warm += 1) await once();
  const answers: Array<{ bytes: number; ms: number }> = [];
  const cpuBefore = readCpuMs(pid);
  for (let run = 0; run < runs; run += 1) answers.push(await once());
  const cpuMs = (readCpuMs(pid) - cpuBefore) / runs;
  return { cpuMs, bytes: median(answers.map((answer) => answer.bytes)), wallMs: median(answers.map((answer) => answer.ms)) };
}

async function measureGet(url: string, pid: number) {
  const once = async () => Buffer.from(await (await fetch(url)).arrayBuffer()).length;
  for (let warm = 0; warm < WARM_UP; warm += 1) await once();
  const cpuBefore = readCpuMs(pid);
  const started = performance.now();
  let bytes = 0;
  for (let run = 0; run < runs; run += 1) bytes = await once();
  return { cpuMs: (readCpuMs(pid) - cpuBefore) / runs, bytes, wallMs: (performance.now() - started) / runs };
}

/**
 * Everything one state change on the claim page asks of the server in a real browser (the action,
 * and whatever the page fetches after it): "In progress" ⇄ "Needs review", `clicks` times after
 * warm-up, each awaited until the network is quiet.
 */
async function measureInBrowser(input: { baseUrl: string; email: string; claimPath: string; pid: number; clicks: number }) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-first-run", "--disable-background-networking"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${input.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(input.email);
    await page.getByLabel("Password").fill(BENCH_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/t\//);
    await page.goto(`${input.baseUrl}${input.claimPath}`);
    await page.locator("[data-claim-page][data-ready]").waitFor();
    let bytes = 0;
    let requests = 0;
    page.on("response", (response) => {
      if (response.request().resourceType() !== "fetch") return;
      requests += 1;
      void response.body().then((body) => void (bytes += body.length), () => undefined);
    });
    const change = async (page: Page, index: number) => {
      if (index % 2 === 0) await page.getByRole("button", { name: "Move to Needs review" }).click();
      else {
        await page.getByRole("button", { name: "Move back to In progress" }).click();
        await page.getByLabel(/^Why move back/).fill("Sent back for a second look.");
        await page.getByRole("button", { name: "Save note and move back" }).click();
      }
      await page.getByRole("group", { name: "Change the state" }).getByRole("button", { name: index % 2 === 0 ? "Move back to In progress" : "Move to Needs review" }).waitFor();
      await page.waitForLoadState("networkidle");
    };
    for (let warm = 0; warm < 2; warm += 1) await change(page, warm);
    [bytes, requests] = [0, 0];
    const cpuBefore = readCpuMs(input.pid);
    for (let click = 0; click < input.clicks; click += 1) await change(page, click);
    const cpuMs = (readCpuMs(input.pid) - cpuBefore) / input.clicks;
    return { cpuMs, bytes: Math.round(bytes / input.clicks), requests: requests / input.clicks };
  } finally {
    await browser.close();
  }
}

async function main() {
  if (isBuildStale()) console.warn("warning: the production build is missing or older than the sources (npm run build)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-action-cost-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  const db = createPrismaClient(databaseUrl);
  const server = { stop: async () => {} };
  try {
    migrateDatabase(databaseUrl, { quiet: true });
    console.log("seeding the bench's team…");
    const data = await seedBench(db);
    const heavy = data.heavyArticleId;
    const small = data.smallArticleId;
    const scenarios: Scenario[] = [
      { label: "claim page, set state (1,000-claim article)", call: statusScenario(data, heavy, await prepareClaim(db, heavy, 10)) },
      { label: "claim page, set state (8-claim article)", call: statusScenario(data, small, await prepareClaim(db, small, 1)) },
      { label: "claim page, comment (8-claim article)", call: commentScenario(data, small, await prepareClaim(db, small, 2)) },
      { label: "workspace, edit statement (1,000-claim article)", call: statementScenario(data, heavy, await prepareClaim(db, heavy, 20)) },
      { label: "workspace, edit statement (8-claim article)", call: statementScenario(data, small, await prepareClaim(db, small, 3)) },
      { label: "workspace, set state of 1 ticked claim (1,000-claim article)", call: bulkStatusScenario(data, heavy, await prepareClaim(db, heavy, 30)) },
      { label: "for comparison: a read-only action (source search)", call: searchScenario(data, small) },
    ];
    const started = await startServer(databaseUrl, { nodeArgs: profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [] });
    server.stop = started.stop;
    console.log(`server pid ${started.process.pid}; ${runs} runs each after ${WARM_UP} to warm up\n`);
    console.log(`${"scenario".padEnd(62)} ${"CPU ms".padStart(7)} ${"bytes".padStart(9)} ${"wall ms".padStart(8)}`);
    for (const [index, scenario] of scenarios.entries()) {
      // An editor of its own for each scenario: each person's writes are throttled (120 a minute).
      const cookie = await signIn(started.baseUrl, data.editors[index].email, BENCH_PASSWORD);
      const figures = await measure(started.baseUrl, cookie, started.process.pid!, scenario.call);
      console.log(`${scenario.label.padEnd(62)} ${String(round(figures.cpuMs)).padStart(7)} ${String(figures.bytes).padStart(9)} ${String(round(figures.wallMs)).padStart(8)}`);
    }
    const health = await measureGet(`${started.baseUrl}/api/health`, started.process.pid!);
    console.log(`${"for comparison: GET /api/health (no session, one read)".padEnd(62)} ${String(round(health.cpuMs)).padStart(7)} ${String(health.bytes).padStart(9)} ${String(round(health.wallMs)).padStart(8)}`);
    // A profile is of the actions alone: the browser's page loads would swamp it.
    if (profileDir) return console.log(`\nCPU profile written to ${profileDir} when the server stops`);
    console.log(`\nin a browser, a click's every request (the action and any fetch after it), ${Math.round(runs / 2)} clicks each:`);
    console.log(`${"scenario".padEnd(62)} ${"CPU ms".padStart(7)} ${"bytes".padStart(9)} ${"requests".padStart(8)}`);
    for (const [label, articleId, index] of [["claim page, set state (1,000-claim article)", heavy, 40], ["claim page, set state (8-claim article)", small, 4]] as const) {
      const claim = await prepareClaim(db, articleId, index);
      const claimPath = `/t/${data.slug}/articles/${articleId}/claims/${claim.id}`;
      const email = data.editors[scenarios.length + index % 2].email;
      const figures = await measureInBrowser({ baseUrl: started.baseUrl, email, claimPath, pid: started.process.pid!, clicks: Math.round(runs / 2) });
      console.log(`${label.padEnd(62)} ${String(round(figures.cpuMs)).padStart(7)} ${String(figures.bytes).padStart(9)} ${String(round(figures.requests)).padStart(8)}`);
    }
  } finally {
    await server.stop();
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
