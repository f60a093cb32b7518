import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { NextRequest } from "next/server";
import { errorStatus, isAppError } from "@/lib/errors";
import { requireTeam, type TeamContext } from "./guard";
import type { Permission } from "./roles";

/** What a team route's handler receives besides the request: who, which team, which role, the params. */
export type TeamRouteContext<Params> = TeamContext & { params: Params };

const errorHeaders = { "Cache-Control": "no-store" };

/**
 * An error as the JSON a caller can show: an AppError's message (written for editors) with its
 * status; anything else is logged here and answered with a generic 500, never its own text.
 */
export function toErrorResponse(error: unknown): Response {
  if (isAppError(error)) return Response.json({ error: error.message }, { status: errorStatus[error.code], headers: errorHeaders });
  console.error("Route handler failed", error);
  return Response.json({ error: "Something went wrong on our side. Try again in a moment." }, { status: 500, headers: errorHeaders });
}

/**
 * Wraps a route handler under /api/t/[team]/…: the signed-in user, their membership and the
 * permission are checked on every call (the same guard as pages and server actions), and
 * errors become JSON `{ error }` with the AppError's status.
 */
export function teamRoute<Params extends { team: string }>(
  permission: Permission,
  handler: (request: NextRequest, context: TeamRouteContext<Params>) => Promise<Response>,
) {
  return async (request: NextRequest, { params }: { params: Promise<Params> }): Promise<Response> => {
    try {
      const resolved = await params;
      const context = await requireTeam(resolved.team, permission);
      return await handler(request, { ...context, params: resolved });
    } catch (error) {
      // Next's own control flow (notFound(), redirect(), dynamic-usage bail-outs) is not ours to answer.
      unstable_rethrow(error);
      return toErrorResponse(error);
    }
  };
}
