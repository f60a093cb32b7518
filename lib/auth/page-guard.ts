import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { readSafeCallbackUrl } from "./callback-url";
import { requireTeam, requireUser, type TeamContext } from "./guard";
import type { Permission } from "./roles";
import type { SessionUser } from "./session";

/** For pages: the same guard, turned into a redirect to sign-in, a 404, or a polite refusal. */
export async function requirePageTeam(teamSlug: string, permission: Permission = "team:read"): Promise<TeamContext> {
  try {
    return await requireTeam(teamSlug, permission);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "UNAUTHENTICATED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(await requestedPath(teamSlug))}`);
    if (error.code === "FORBIDDEN") redirect(`/t/${encodeURIComponent(teamSlug)}?notice=forbidden`);
    notFound();
  }
}

/** The page asked for (set by proxy.ts), if it lies in this team; else the team's home. */
async function requestedPath(teamSlug: string): Promise<string> {
  const home = `/t/${encodeURIComponent(teamSlug)}`;
  const path = readSafeCallbackUrl((await headers()).get("x-pathname"), home);
  return path === home || path.startsWith(`${home}/`) || path.startsWith(`${home}?`) ? path : home;
}

export async function requirePageUser(callbackUrl = "/"): Promise<SessionUser> {
  try {
    return await requireUser();
  } catch {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }
}
