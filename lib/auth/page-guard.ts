import "server-only";
import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { requireTeam, requireUser, type TeamContext } from "./guard";
import type { Permission } from "./roles";
import type { SessionUser } from "./session";

/** For pages: the same guard, turned into a redirect to sign-in, a 404, or a polite refusal. */
export async function requirePageTeam(teamSlug: string, permission: Permission = "team:read"): Promise<TeamContext> {
  try {
    return await requireTeam(teamSlug, permission);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "UNAUTHENTICATED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/t/${teamSlug}`)}`);
    if (error.code === "FORBIDDEN") redirect(`/t/${encodeURIComponent(teamSlug)}?notice=forbidden`);
    notFound();
  }
}

export async function requirePageUser(callbackUrl = "/"): Promise<SessionUser> {
  try {
    return await requireUser();
  } catch {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }
}
