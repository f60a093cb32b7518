import fs from "node:fs";
import { formatCursor, readLiveHead } from "../../lib/live/changes";
import type { Figures } from "./figures";
import type { Context } from "./measurements";
import type { Editor } from "./seed";
import { describeActionRequest, encodeRouterState, findActionId, readActionResult } from "./server-action";
import { percentile, round } from "./stats";

/**
 * Live updates (lib/live), as open pages get them: Server-Sent Event streams of the team's feed
 * held open by this process as a browser holds them, each event parsed and counted.
 */
const ACTIONS_DIR = "app/(app)/t/[team]/articles/[articleId]";
const SEEN_TARGET_MS = 1_000;
const MEMORY_TARGET_MB = 50;

type Change = { id: string; kind: string; claimId: string | null };
type Stream = { received: Array<Change & { at: number }>; close: () => void; opened: Promise<void> };

/** One open page's stream: every `change` event, with the moment it arrived. */
function openStream(url: string, cookie: string): Stream {
  const controller = new AbortController();
  const received: Stream["received"] = [];
  let markOpen = () => {};
  const opened = new Promise<void>((resolve) => (markOpen = resolve));
  void (async () => {
    const response = await fetch(url, { headers: { Cookie: cookie, Accept: "text/event-stream" }, signal: controller.signal });
    if (response.status !== 200 || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
    markOpen();
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      buffer += decoder.decode(read.value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map(block.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()] as const));
        if (fields.get("event") === "change") received.push({ ...(JSON.parse(fields.get("data")!) as Change), at: performance.now() });
      }
    }
  })().catch((error: Error) => {
    if (error.name !== "AbortError") console.error(`live stream failed: ${error.message}`);
  });
  return { received, opened, close: () => controller.abort() };
}

/** A state change as the claim page sends it; resolves when it is answered (and accepted). */
async function changeState(context: Context, editor: Editor, claim: Editor["claims"][number]) {
  const { data, baseUrl } = context;
  const status = claim.status === "in_progress" ? "needs_review" : "in_progress";
  const request = describeActionRequest({
    origin: baseUrl, cookie: context.cookies.get(editor.email)!, actionId: findActionId(`${ACTIONS_DIR}/verification-actions.ts`, "setClaimStatusAction"),
    routerState: encodeRouterState(["", "(app)", "t", ["team", data.slug], "articles", ["articleId", data.heavyArticleId], "claims", ["claimId", claim.id]]),
    argument: { team: data.slug, claimId: claim.id, revision: claim.revision, status, note: status === "in_progress" ? "Back for another look." : "" },
  });
  const response = await fetch(`${baseUrl}/t/${data.slug}/articles/${data.heavyArticleId}/claims/${claim.id}`, request);
  const result = readActionResult(await response.text()) as { ok?: boolean; message?: string };
  if (response.status !== 200 || result?.ok !== true) throw new Error(`state change refused: HTTP ${response.status} ${result?.message ?? ""}`);
  claim.revision += 1;
  claim.status = status;
}

async function liveUrl(context: Context) {
  const team = await context.db.team.findUniqueOrThrow({ where: { slug: context.data.slug }, select: { id: true } });
  return `${context.baseUrl}/api/t/${context.data.slug}/live?after=${formatCursor(await readLiveHead(context.db, team.id))}`;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every editor but the first watches the team (one stream each); the first changes a claim's
 * state `changes` times, one after another. For each change and each watcher: the time from the
 * change being sent to the watcher's stream carrying it. Every watcher must get every change.
 */
export async function measureChangeSeen(context: Context, changes: number): Promise<Figures> {
  const [actor, ...watchers] = context.data.editors;
  const url = await liveUrl(context);
  const streams = watchers.map((watcher) => openStream(url, context.cookies.get(watcher.email)!));
  try {
    await Promise.all(streams.map((stream) => stream.opened));
    await settle(500);
    const claim = actor.claims[actor.claims.length - 1];
    const sentAt: number[] = [];
    for (let index = 0; index < changes; index += 1) {
      sentAt.push(performance.now());
      await changeState(context, actor, claim);
      await settle(100);
    }
    await settle(3_000);
    const delays: number[] = [];
    let missing = 0;
    for (const stream of streams) {
      const seen = stream.received.filter((change) => change.claimId === claim.id && change.kind === "status_changed");
      missing += Math.max(0, changes - seen.length);
      seen.slice(0, changes).forEach((change, index) => delays.push(change.at - sentAt[index]!));
    }
    context.log(`live: ${changes} state changes seen by ${streams.length} open streams: ${delays.length} deliveries, ${missing} missing; p50 ${round(percentile(delays, 50))} ms, p95 ${round(percentile(delays, 95))} ms, max ${Math.round(Math.max(...delays))} ms`);
    if (missing > 0) throw new Error(`live: ${missing} of ${changes * streams.length} deliveries never arrived`);
    return { [`change seen by another editor p95 (${streams.length} watching)`]: { value: round(percentile(delays, 95)), unit: "ms", target: SEEN_TARGET_MS, better: "lower" } };
  } finally {
    for (const stream of streams) stream.close();
  }
}

/** Resident memory of the server: its process and (several processes) the children it supervises, in MB. */
function serverMemoryMb(pid: number): number {
  const rss = (id: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const children = fs.readdirSync(`/proc/${pid}/task`).flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
  return rss(pid) + children.reduce((sum, child) => sum + rss(child), 0);
}

/**
 * `count` streams held open for `seconds` (spread over the editors: a person's streams are
 * capped), while one editor changes a claim's state every second: the server's memory before and
 * after, and every stream must have received every change.
 */
export async function measureStreamsHeld(context: Context, input: { pid: number; count: number; seconds: number }): Promise<Figures> {
  const [actor, ...watchers] = context.data.editors;
  const url = await liveUrl(context);
  const streams = Array.from({ length: input.count }, (_, index) => openStream(url, context.cookies.get(watchers[index % watchers.length]!.email)!));
  try {
    await Promise.all(streams.map((stream) => stream.opened));
    await settle(1_000);
    const before = serverMemoryMb(input.pid);
    const claim = actor.claims[actor.claims.length - 2];
    const deadline = performance.now() + input.seconds * 1000;
    let made = 0;
    while (performance.now() < deadline) {
      await changeState(context, actor, claim);
      made += 1;
      await settle(1_000);
    }
    await settle(3_000);
    const after = serverMemoryMb(input.pid);
    const delivered = streams.reduce((sum, stream) => sum + stream.received.filter((change) => change.claimId === claim.id).length, 0);
    context.log(`live: ${input.count} streams for ${input.seconds} s, ${made} changes: ${delivered} of ${made * input.count} deliveries; server memory ${Math.round(before)} → ${Math.round(after)} MB`);
    if (delivered !== made * input.count) throw new Error(`live: ${made * input.count - delivered} deliveries lost`);
    return { [`memory growth, ${input.count} streams × ${input.seconds} s`]: { value: round(after - before), unit: "MB", target: MEMORY_TARGET_MB, better: "lower" } };
  } finally {
    for (const stream of streams) stream.close();
  }
}
