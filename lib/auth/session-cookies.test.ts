import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/test-db";
import { callNextAuth as callWithOptions } from "@/tests/next-auth-handler";

/**
 * The cookies next-auth sets with our options, as Set-Cookie headers from its own handler: the
 * session cookie is HttpOnly and SameSite=Lax always, and Secure (with the __Secure-/__Host-
 * prefixes) when NEXTAUTH_URL is https, as in production. The e2e server runs on
 * http://localhost, so Secure is checked here.
 */
const testDatabase = createTestDatabase();
process.env.DATABASE_URL = testDatabase.url;
await testDatabase.ready;
const { getAuthOptions } = await import("./options");
const { db } = await import("@/lib/db");
const { hashPassword } = await import("./password");

const email = `cookie-${randomUUID().slice(0, 8)}@example.test`;
const password = "correct horse battery";
const savedUrl = process.env.NEXTAUTH_URL;

beforeAll(async () => {
  await db.user.create({ data: { name: "Cookie Tester", email, passwordHash: await hashPassword(password) } });
});
afterAll(async () => {
  if (savedUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = savedUrl;
  await db.$disconnect();
});

function callNextAuth(request: Parameters<typeof callWithOptions>[1]) {
  return callWithOptions(getAuthOptions(), request);
}

async function signIn(baseUrl: string) {
  process.env.NEXTAUTH_URL = baseUrl;
  const csrf = await callNextAuth({ method: "GET", action: ["csrf"] });
  const [csrfCookie] = csrf.setCookies;
  const [name, value] = csrfCookie.split(";")[0].split("=");
  const callback = await callNextAuth({
    method: "POST",
    action: ["callback", "credentials"],
    cookies: { [name]: decodeURIComponent(value) },
    body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" },
  });
  const session = callback.setCookies.find((cookie) => /next-auth\.session-token=/.test(cookie));
  return { csrfCookie, session, body: callback.body as { url?: string } };
}

function attributes(setCookie: string) {
  return setCookie.split(";").slice(1).map((part) => part.trim().toLowerCase());
}

describe("session cookies", () => {
  it("are HttpOnly, SameSite=Lax and Secure, with __Secure-/__Host- names, behind an https NEXTAUTH_URL", async () => {
    const { csrfCookie, session, body } = await signIn("https://factdesk.example.org");
    expect(body.url).not.toContain("error");
    expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(attributes(session!)).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/"]));
    expect(csrfCookie).toMatch(/^__Host-next-auth\.csrf-token=/);
    expect(attributes(csrfCookie)).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/"]));
  });

  it("drop Secure on plain http (local runs, the e2e server) but stay HttpOnly and SameSite=Lax", async () => {
    const { session } = await signIn("http://localhost:3000");
    expect(session).toMatch(/^next-auth\.session-token=/);
    expect(attributes(session!)).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
    expect(attributes(session!)).not.toContain("secure");
  });
});
