// GET /api/t/[team]/live?after=<cursor> - the team's changes as they happen (Server-Sent Events):
// `event: change` with `id: <cursor>` and the change as JSON; `event: reset` when the page is too
// far behind to catch up (it reloads); `event: end` when the session or membership ended. A
// reconnecting EventSource sends Last-Event-ID, which wins over ?after= (lib/live/changes.ts).
// ?once=1 answers the changes after the cursor there are now (500 at most) and ends: a poll, for
// a client or a proxy that cannot hold a stream open. ?presence=1 adds `event: presence` (no id:
// it is not a place in the feed) with who of the team is present where (lib/presence), sent when
// the stream opens and whenever that changes.
import { requireSession } from "@/lib/auth/guard";
import { teamRoute } from "@/lib/auth/route";
import { isSessionActive } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canCatchUp, formatCursor, isChangeFor, parseCursor, readLiveChanges, readLiveHead, type LiveChange } from "@/lib/live/changes";
import { getLiveHub } from "@/lib/live/server-hub";
import { countStreams, MAX_STREAMS_PER_PERSON, openStream } from "@/lib/live/stream-limits";

const HEARTBEAT_MS = 15_000;
/** How often an open stream checks that its session and membership still stand. */
const RECHECK_MS = 20_000;

const STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-store, no-transform",
  // nginx and other proxies must pass events on as they come.
  "X-Accel-Buffering": "no",
};

function formatChanges(changes: LiveChange[]): string {
  return changes.map((change) => `id: ${change.id}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`).join("");
}

export const GET = teamRoute<{ team: string }>("team:read", async (request, { team, user }) => {
  const { sessionId } = await requireSession();
  const given = request.headers.get("last-event-id") ?? request.nextUrl.searchParams.get("after");
  const cursor = given === null ? await readLiveHead(db, team.id) : parseCursor(given);
  if (!cursor) throw new AppError("INVALID_INPUT", "This is not a position in the team's changes: reload the page.");
  if (request.nextUrl.searchParams.get("once") === "1") {
    if (!(await canCatchUp(db, team.id, cursor))) return new Response(`event: reset\ndata: {}\n\n`, { headers: STREAM_HEADERS });
    const changes = (await readLiveChanges(db, team.id, cursor)).filter((change) => isChangeFor(change, user.id)).map(({ cursor: _cursor, ...change }) => change);
    return new Response(`retry: 2000\nid: ${formatCursor(cursor)}\n\n${formatChanges(changes)}`, { headers: STREAM_HEADERS });
  }
  if (countStreams(user.id) >= MAX_STREAMS_PER_PERSON) {
    throw new AppError("RATE_LIMITED", `You have ${MAX_STREAMS_PER_PERSON} pages with live updates open on this server: close some, then reload this one.`);
  }
  const wantsPresence = request.nextUrl.searchParams.get("presence") === "1";
  const hub = getLiveHub();
  const encoder = new TextEncoder();
  let close = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const release = openStream(user.id);
      let isClosed = false;
      const write = (text: string) => {
        if (!isClosed) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = hub.subscribe(team.id, {
        cursor,
        userId: user.id,
        send: (changes) => write(formatChanges(changes)),
        sendPresence: wantsPresence ? (entries) => write(`event: presence\ndata: ${JSON.stringify(entries)}\n\n`) : undefined,
        reset: () => {
          write(`event: reset\ndata: {}\n\n`);
          close();
        },
      });
      const heartbeat = setInterval(() => write(`: ${Date.now()}\n\n`), HEARTBEAT_MS);
      const recheck = setInterval(async () => {
        const [isActive, membership] = await Promise.all([
          isSessionActive(db, sessionId),
          db.membership.count({ where: { userId: user.id, teamId: team.id } }),
        ]).catch(() => [true, 1] as const);
        if (!isActive || membership === 0) {
          write(`event: end\ndata: ${JSON.stringify({ reason: isActive ? "membership" : "session" })}\n\n`);
          close();
        }
      }, RECHECK_MS);
      close = () => {
        if (isClosed) return;
        isClosed = true;
        clearInterval(heartbeat);
        clearInterval(recheck);
        unsubscribe();
        release();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      request.signal.addEventListener("abort", () => close());
      // How long EventSource waits before reconnecting, and the position it starts from.
      write(`retry: 2000\nid: ${formatCursor(cursor)}\n\n`);
    },
    cancel() {
      close();
    },
  });

  return new Response(body, { headers: STREAM_HEADERS });
});
