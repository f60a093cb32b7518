import type { APIRequestContext, APIResponse, Browser, BrowserContext } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/auth/roles";
import { seedTeam, type SeededTeam } from "../../tests/authz/world";
import { signIn } from "./auth";
import { db, TEST_PASSWORD } from "./db";

export type Actor = "anonymous" | "outsider" | Role;
export const ACTORS: Actor[] = ["anonymous", "outsider", "viewer", "editor", "owner"];

export type AuthzWorld = {
  /** The team the viewer, editor and owner belong to. */
  home: SeededTeam;
  /** Another team; its owner is the outsider. */
  other: SeededTeam;
  /** One browser context per actor, signed in once (anonymous: no session). */
  requests: Record<Actor, APIRequestContext>;
  close(): Promise<void>;
};

/** Two fully stocked teams on the e2e server's database, and a signed-in context for each actor. */
export async function setUpAuthzWorld(browser: Browser): Promise<AuthzWorld> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const [home, other] = await Promise.all([seedTeam(db, { label: "home", passwordHash }), seedTeam(db, { label: "other", passwordHash })]);
  const people: Record<Exclude<Actor, "anonymous">, string> = {
    outsider: other.owner.email,
    viewer: home.viewer.email,
    editor: home.editor.email,
    owner: home.owner.email,
  };
  const contexts: BrowserContext[] = [];
  const requests = {} as Record<Actor, APIRequestContext>;
  // One after another: four argon2 checks at once keep a two-core machine busy past the timeout.
  for (const actor of ACTORS) {
    const context = await browser.newContext();
    contexts.push(context);
    if (actor !== "anonymous") {
      const page = await context.newPage();
      await signIn(page, people[actor], TEST_PASSWORD);
      await page.close();
    }
    requests[actor] = context.request;
  }
  return { home, other, requests, close: async () => void (await Promise.all(contexts.map((context) => context.close()))) };
}

export type Answer =
  | { kind: "ok" }
  | { kind: "redirect"; to: string }
  | { kind: "not-found" }
  | { kind: "status"; status: number };

/**
 * How a page answered. A page whose refusal happens inside a loading boundary has already sent
 * its 200 and streamed the shell, so Next says "redirect" or "not found" in the body instead.
 */
export async function readPageAnswer(response: APIResponse): Promise<Answer> {
  const status = response.status();
  if (status >= 300 && status < 400) return { kind: "redirect", to: toPath(response.headers()["location"] ?? "") };
  if (status === 404) return { kind: "not-found" };
  if (status !== 200) return { kind: "status", status };
  const body = await response.text();
  const streamedRedirect = body.match(/<meta id="__next-page-redirect" http-equiv="refresh" content="\d+;url=([^"]*)"/);
  if (streamedRedirect) return { kind: "redirect", to: toPath(decodeEntities(streamedRedirect[1])) };
  if (body.includes("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "not-found" };
  return { kind: "ok" };
}

function toPath(location: string): string {
  const url = new URL(location, "http://factdesk.invalid");
  return `${url.pathname}${url.search}`;
}

function decodeEntities(text: string): string {
  return text.replaceAll("&amp;", "&").replaceAll("&#x27;", "'").replaceAll("&quot;", '"');
}
