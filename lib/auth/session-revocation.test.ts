import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/test-db";
import { callNextAuth, readCookie } from "@/tests/next-auth-handler";

/**
 * Sign-in, session and sign-out through next-auth's own handler with our options: the cookie
 * names a session row, and once signed out the same cookie, replayed, is nobody's session.
 */
const testDatabase = createTestDatabase();
process.env.DATABASE_URL = testDatabase.url;
await testDatabase.ready;
const { getAuthOptions } = await import("./options");
const { db } = await import("@/lib/db");
const { hashPassword } = await import("./password");

const email = `revoke-${randomUUID().slice(0, 8)}@example.test`;
const password = "correct horse battery";
const savedUrl = process.env.NEXTAUTH_URL;
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

beforeAll(async () => {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  await db.user.create({ data: { name: "Revoke Tester", email, passwordHash: await hashPassword(password) } });
});
afterAll(async () => {
  if (savedUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = savedUrl;
  await db.$disconnect();
});

const options = () => getAuthOptions({ userAgent: FIREFOX });

async function signIn() {
  const csrf = await callNextAuth(options(), { method: "GET", action: ["csrf"] });
  const [name, value] = readCookie(csrf.setCookies[0]);
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  const callback = await callNextAuth(options(), {
    method: "POST",
    action: ["callback", "credentials"],
    cookies: { [name]: value },
    body: { csrfToken, email, password, callbackUrl: "http://localhost:3000/", json: "true" },
  });
  const session = callback.setCookies.find((cookie) => cookie.startsWith("next-auth.session-token="));
  return { cookies: { [name]: value, ...Object.fromEntries([readCookie(session!)]) }, csrfToken };
}

async function readSession(cookies: Record<string, string>) {
  return (await callNextAuth(options(), { method: "GET", action: ["session"], cookies })).body as { user?: Record<string, string> };
}

describe("a session cookie", () => {
  it("names a session row whose user the session answers with", async () => {
    const { cookies } = await signIn();
    const session = await readSession(cookies);
    const row = await db.session.findFirstOrThrow({ where: { user: { email } }, orderBy: { createdAt: "desc" } });
    expect(session.user).toMatchObject({ email, name: "Revoke Tester", sessionId: row.id });
    expect(row).toMatchObject({ device: "Firefox on Windows", method: "password", revokedAt: null });
  });

  it("is nobody's session once signed out, even replayed", async () => {
    const { cookies, csrfToken } = await signIn();
    expect((await readSession(cookies)).user?.email).toBe(email);
    await callNextAuth(options(), { method: "POST", action: ["signout"], cookies, body: { csrfToken, callbackUrl: "http://localhost:3000/sign-in", json: "true" } });
    expect(await readSession(cookies)).toEqual({});
  });

  it("is nobody's session once the row is revoked elsewhere (sign out everywhere, password change)", async () => {
    const { cookies } = await signIn();
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    await db.session.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect(await readSession(cookies)).toEqual({});
  });
});
