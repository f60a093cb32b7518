import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/test-db";
import { callNextAuth, readCookie } from "@/tests/next-auth-handler";

/**
 * The session reader every page and action uses (lib/auth/session-token.ts) against next-auth's
 * own session route with our options: for the cookies a real sign-in sets, both name the same
 * user and session, and both say "nobody" once the session is revoked, for a tampered or foreign
 * cookie, and for a cookie under the other name than the app's address calls for.
 */
const testDatabase = createTestDatabase();
process.env.DATABASE_URL = testDatabase.url;
await testDatabase.ready;
const { getAuthOptions } = await import("./options");
const { readSessionUser, sessionCookieName } = await import("./session-token");
const { db } = await import("@/lib/db");
const { getAuthSecret, getEnv } = await import("@/lib/env");
const { hashPassword } = await import("./password");

const email = `token-${randomUUID().slice(0, 8)}@example.test`;
const password = "correct horse battery";
const savedUrl = process.env.NEXTAUTH_URL;

beforeAll(async () => {
  await db.user.create({ data: { name: "Token Tester", email, passwordHash: await hashPassword(password) } });
});
afterAll(async () => {
  if (savedUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = savedUrl;
  await db.$disconnect();
});

/** Signs in through next-auth's handler with the app at `appUrl`; the cookies a browser would then send. */
async function signIn(appUrl: string): Promise<Record<string, string>> {
  process.env.NEXTAUTH_URL = appUrl;
  const csrf = await callNextAuth(getAuthOptions(), { method: "GET", action: ["csrf"] });
  const [name, value] = readCookie(csrf.setCookies[0]);
  const callback = await callNextAuth(getAuthOptions(), {
    method: "POST",
    action: ["callback", "credentials"],
    cookies: { [name]: value },
    body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, email, password, callbackUrl: `${appUrl}/`, json: "true" },
  });
  const session = callback.setCookies.find((cookie) => /next-auth\.session-token=/.test(cookie));
  return { [name]: value, ...Object.fromEntries([readCookie(session!)]) };
}

/** What each reader makes of the same cookies, the app at `appUrl`. */
async function readBoth(appUrl: string, cookies: Record<string, string>) {
  process.env.NEXTAUTH_URL = appUrl;
  const route = (await callNextAuth(getAuthOptions(), { method: "GET", action: ["session"], cookies })).body as { user?: Record<string, string> };
  const list = Object.entries(cookies).map(([name, value]) => ({ name, value }));
  const ours = await readSessionUser(db, list, { appUrl, secret: getAuthSecret(getEnv()), isMailEnabled: false });
  return { route: route.user ?? null, ours };
}

describe("the session reader", () => {
  for (const appUrl of ["http://localhost:3000", "https://factdesk.example.org"]) {
    it(`names the user and session next-auth's session route names (${appUrl})`, async () => {
      const cookies = await signIn(appUrl);
      expect(Object.keys(cookies)).toContain(sessionCookieName(appUrl));
      const { route, ours } = await readBoth(appUrl, cookies);
      const row = await db.session.findFirstOrThrow({ where: { user: { email } }, orderBy: { createdAt: "desc" } });
      expect(ours).toEqual({ id: row.userId, email, name: "Token Tester", sessionId: row.id });
      expect(route).toEqual(ours);
    });
  }

  it("reads a cookie next-auth split into chunks", async () => {
    const appUrl = "http://localhost:3000";
    const cookies = await signIn(appUrl);
    const name = sessionCookieName(appUrl);
    const token = cookies[name];
    const { [name]: _whole, ...others } = cookies;
    const chunked = { ...others, [`${name}.1`]: token.slice(40), [`${name}.0`]: token.slice(0, 40) };
    const { route, ours } = await readBoth(appUrl, chunked);
    expect(ours?.email).toBe(email);
    expect(route).toEqual(ours);
  });

  it("says nobody once the session is revoked, for a tampered or foreign cookie, or under the wrong name", async () => {
    const appUrl = "https://factdesk.example.org";
    const cookies = await signIn(appUrl);
    const name = sessionCookieName(appUrl);
    const token = cookies[name];
    const flipped = `${token.slice(0, -5)}${token.at(-5) === "A" ? "B" : "A"}${token.slice(-4)}`;
    const plainName = sessionCookieName("http://localhost:3000");
    for (const variant of [{ [name]: flipped }, { [name]: "not-a-token" }, { [plainName]: token }]) {
      expect(await readBoth(appUrl, variant)).toEqual({ route: null, ours: null });
    }
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    await db.session.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect(await readBoth(appUrl, cookies)).toEqual({ route: null, ours: null });
  });
});
