// POST /api/t/[team]/articles/[articleId]/presence?tab=&activity=&claim= - an open page's
// heartbeat: "this person is here, doing this" (lib/presence), every 10 s and when the activity
// changes. DELETE ?tab= - the page closes. A route and not a server action: a closing page sends
// it with fetch's keepalive, and heartbeats must not queue behind (or ahead of) the page's
// changes, which Next runs one server action at a time. Answers 204.
import type { NextRequest } from "next/server";
import { teamRoute } from "@/lib/auth/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { throttlePresence } from "@/lib/limits/throttles";
import { pokeLiveFeed } from "@/lib/live/server-hub";
import { leavePresence, renewPresence, setPresence } from "@/lib/presence/presence";
import { presenceHeartbeatSchema, presenceLeaveSchema } from "@/lib/presence/schema";

type Params = { team: string; articleId: string };

const noContent = () => new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });

function readQuery<T>(request: NextRequest, schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } }): T {
  const parsed = schema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw new AppError("INVALID_INPUT", "This page's presence could not be read: reload the page.");
  return parsed.data;
}

export const POST = teamRoute<Params>("team:read", async (request, { team, user, params }) => {
  const beat = readQuery(request, presenceHeartbeatSchema);
  const place = { teamId: team.id, userId: user.id, articleId: params.articleId };
  if (await renewPresence(db, place, beat)) return noContent();
  await throttlePresence(db, user.id);
  await setPresence(db, place, beat);
  pokeLiveFeed(team.id);
  return noContent();
});

export const DELETE = teamRoute<Params>("team:read", async (request, { team, user, params }) => {
  const { tab } = readQuery(request, presenceLeaveSchema);
  if (await leavePresence(db, { teamId: team.id, userId: user.id, articleId: params.articleId }, tab)) pokeLiveFeed(team.id);
  return noContent();
});
