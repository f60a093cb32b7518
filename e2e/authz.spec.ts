import { expect, test, type APIResponse } from "@playwright/test";
import { can } from "../lib/auth/roles";
import { fillRoute, HTTP_METHODS, listRouteObjectKeys, pages, routes, type PageEntry, type RouteEntry, type TeamObjects } from "../tests/authz/endpoints";
import { E2E_BASE_URL } from "./support/constants";
import { ACTORS, readPageAnswer, setUpAuthzWorld, type Actor, type Answer, type AuthzWorld } from "./support/authz-actors";

// Every page and route handler on the list (tests/authz/endpoints.ts), over HTTP, as anonymous, as
// another team's owner, as viewer, editor and owner, and with another team's ids under the
// caller's own team. The server actions have their own matrix (lib/auth/authz-actions.test.ts).
test.describe.configure({ mode: "serial" });

let world: AuthzWorld;

test.beforeAll(async ({ browser }) => {
  world = await setUpAuthzWorld(browser);
});

test.afterAll(async () => {
  await world?.close();
});

/** What a page is designed to answer an actor, with the home team's objects in its URL. */
function expectPage(entry: PageEntry, actor: Actor, slug: string): Answer {
  const isSignedIn = actor !== "anonymous";
  if (entry.access === "public") {
    const designed = isSignedIn ? entry.signedIn : entry.anonymous;
    return designed ? { kind: "redirect", to: designed.redirect.source } : { kind: "ok" };
  }
  if (!isSignedIn) return { kind: "redirect", to: "^/sign-in\\?callbackUrl=" };
  if (entry.access === "signed-in") return { kind: "ok" };
  if (actor === "outsider") return { kind: "not-found" };
  return can(actor, entry.access) ? { kind: "ok" } : { kind: "redirect", to: `^/t/${slug}\\?notice=forbidden$` };
}

/** Redirects are compared by pattern (`to` holds a regular expression's source). */
function matches(answer: Answer, expected: Answer): boolean {
  if (answer.kind !== expected.kind) return false;
  return answer.kind !== "redirect" || new RegExp((expected as { to: string }).to).test(answer.to);
}

/** As a browser of the app would send it: with the app's Origin (proxy.ts refuses a write without one). */
function get(actor: Actor, url: string, method = "GET"): Promise<APIResponse> {
  const headers: Record<string, string> = method === "GET" || method === "HEAD" ? {} : { origin: E2E_BASE_URL };
  return world.requests[actor].fetch(url, { method, headers, maxRedirects: 0, failOnStatusCode: false });
}

/** Another team's ids under `own`'s slug: each object id swapped alone, then all of them. */
function crossTeamUrls(route: string, own: TeamObjects, other: TeamObjects) {
  const keys = listRouteObjectKeys(route);
  const variants = keys.map((key) => ({ label: `another team's ${key}`, objects: { ...own, [key]: other[key] } }));
  if (keys.length > 1) variants.push({ label: "all ids of another team", objects: { ...other, slug: own.slug } });
  return variants.map(({ label, objects }) => ({ label, url: fillRoute(route, objects) }));
}

test("every page answers each actor as designed", async () => {
  const problems: string[] = [];
  for (const entry of pages) {
    const url = fillRoute(entry.route, world.home.objects);
    for (const actor of ACTORS) {
      const answer = await readPageAnswer(await get(actor, url));
      const expected = expectPage(entry, actor, world.home.team.slug);
      if (!matches(answer, expected)) problems.push(`${actor} GET ${entry.route}: ${JSON.stringify(answer)}, designed ${JSON.stringify(expected)}`);
    }
  }
  expect(problems).toEqual([]);
});

test("a page with another team's ids under the caller's own team is not found", async () => {
  const problems: string[] = [];
  const callers = [
    { actor: "owner" as const, own: world.home.objects, other: world.other.objects },
    { actor: "viewer" as const, own: world.home.objects, other: world.other.objects },
    { actor: "outsider" as const, own: world.other.objects, other: world.home.objects },
  ];
  for (const entry of pages.filter((page) => listRouteObjectKeys(page.route).length > 0 && page.access !== "public")) {
    for (const { actor, own, other } of callers) {
      // The viewer is refused pages that need more than reading before any id is looked at.
      const { access } = entry;
      if (actor === "viewer" && access !== "public" && access !== "signed-in" && !can("viewer", access)) continue;
      for (const { label, url } of crossTeamUrls(entry.route, own, other)) {
        const answer = await readPageAnswer(await get(actor, url));
        if (answer.kind !== "not-found") problems.push(`${actor} GET ${entry.route} with ${label}: ${JSON.stringify(answer)}`);
      }
    }
  }
  expect(problems).toEqual([]);
});

/** What a route is designed to answer: its `status` (200) to a caller let in, 401 for anonymous, 404 for another team's member, 403 for a role without the permission. */
function expectRouteStatus(entry: RouteEntry, method: RouteEntry["methods"][number], actor: Actor): number {
  const allowed = entry.status?.[method] ?? 200;
  if (entry.access === "public") return allowed;
  if (actor === "anonymous") return 401;
  if (entry.access === "signed-in") return allowed;
  if (actor === "outsider") return 404;
  return can(actor, entry.access) ? allowed : 403;
}

test("every route handler answers each actor as designed, with JSON errors, and refuses unlisted methods", async () => {
  const problems: string[] = [];
  for (const entry of routes) {
    const url = `${fillRoute(entry.route, world.home.objects)}${entry.query ? `?${entry.query}` : ""}`;
    for (const method of entry.methods) {
      for (const actor of ACTORS) {
        const response = await get(actor, url, method);
        const expected = expectRouteStatus(entry, method, actor);
        const isRefusal = expected !== expectRouteStatus(entry, method, "owner");
        if (response.status() !== expected) {
          problems.push(`${actor} ${method} ${entry.route}: ${response.status()}, designed ${expected}`);
        } else if (isRefusal) {
          const body = await response.json().catch(() => null);
          if (typeof body?.error !== "string") problems.push(`${actor} ${method} ${entry.route}: ${expected} without a JSON { error }`);
        }
      }
    }
    for (const method of HTTP_METHODS.filter((name) => !entry.methods.includes(name) && name !== "HEAD" && name !== "OPTIONS")) {
      const status = (await get("owner", url, method)).status();
      if (status !== 405) problems.push(`owner ${method} ${entry.route}: ${status}, designed 405 (not a listed method)`);
    }
  }
  expect(problems).toEqual([]);
});

test("a route handler with another team's ids under the caller's own team answers 404", async () => {
  const problems: string[] = [];
  const callers = [
    { actor: "viewer" as const, own: world.home.objects, other: world.other.objects },
    { actor: "outsider" as const, own: world.other.objects, other: world.home.objects },
  ];
  for (const entry of routes.filter((route) => listRouteObjectKeys(route.route).length > 0)) {
    for (const { actor, own, other } of callers) {
      for (const { label, url } of crossTeamUrls(entry.route, own, other)) {
        for (const method of entry.methods) {
          const status = (await get(actor, `${url}${entry.query ? `?${entry.query}` : ""}`, method)).status();
          if (status !== 404) problems.push(`${actor} ${method} ${entry.route} with ${label}: ${status}`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
});
