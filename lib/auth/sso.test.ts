import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { hashPassword } from "./password";
import { checkSsoSignIn, linkSsoUser } from "./sso";

const db = setUpTestDatabase();
const issuer = "https://login.newsroom.test/";
let counter = 0;
const nextSub = () => `sub-${++counter}`;

describe("linkSsoUser", () => {
  it("creates a user without a password, and their identity, on a first sign-in", async () => {
    const sub = nextSub();
    const user = await linkSsoUser(db, { issuer, profile: { sub, email: " New.Reporter@Newsroom.TEST ", name: "New Reporter" } });
    expect(user).toMatchObject({ email: "new.reporter@newsroom.test", name: "New Reporter" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBeNull();
    const identities = await db.externalIdentity.findMany({ where: { userId: user.id } });
    expect(identities).toMatchObject([{ provider: issuer, subject: sub }]);

    const events = await db.auditEvent.findMany({ where: { userId: user.id } });
    expect(events).toMatchObject([{ type: "auth.signed_up", email: "new.reporter@newsroom.test" }]);
    expect(JSON.parse(events[0].detail!)).toEqual({ via: "sso" });
  });

  it("names the user from preferred_username, else the email, when the profile has no name", async () => {
    const byUsername = await linkSsoUser(db, { issuer, profile: { sub: nextSub(), email: "handle@newsroom.test", preferred_username: "handle" } });
    expect(byUsername.name).toBe("handle");
    const byEmail = await linkSsoUser(db, { issuer, profile: { sub: nextSub(), email: "nameless@newsroom.test" } });
    expect(byEmail.name).toBe("nameless@newsroom.test");
  });

  it("returns the same user when the same identity signs in again", async () => {
    const sub = nextSub();
    const first = await linkSsoUser(db, { issuer, profile: { sub, email: "again@newsroom.test", name: "Again" } });
    // The identity, not the email, decides: a changed email at the provider still maps to the same user.
    const second = await linkSsoUser(db, { issuer, profile: { sub, email: "renamed@newsroom.test", name: "Renamed" } });
    expect(second).toEqual(first);
    expect(await db.externalIdentity.count({ where: { userId: first.id } })).toBe(1);
    expect(await db.user.count({ where: { email: "renamed@newsroom.test" } })).toBe(0);
  });

  it("treats the same subject from another issuer as another identity", async () => {
    const sub = nextSub();
    const first = await linkSsoUser(db, { issuer, profile: { sub, email: "issuer-a@newsroom.test" } });
    const second = await linkSsoUser(db, { issuer: "https://other-idp.test/", profile: { sub, email: "issuer-b@newsroom.test" } });
    expect(second.id).not.toBe(first.id);
  });

  it("links an existing password account with the same email and keeps its password", async () => {
    const passwordHash = await hashPassword("correct horse battery");
    const existing = await createTestUser(db, { email: "linked@newsroom.test", name: "Existing Name", passwordHash });
    const sub = nextSub();
    const user = await linkSsoUser(db, {
      issuer,
      profile: { sub, email: "Linked@Newsroom.test", email_verified: true, name: "Provider Name" },
    });
    expect(user).toEqual({ id: existing.id, email: existing.email, name: "Existing Name" });
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).toBe(passwordHash);
    expect(await db.externalIdentity.findMany({ where: { userId: existing.id } })).toMatchObject([{ provider: issuer, subject: sub }]);

    const events = await db.auditEvent.findMany({ where: { userId: existing.id } });
    expect(events).toMatchObject([{ type: "auth.signed_in", email: "linked@newsroom.test" }]);
    expect(JSON.parse(events[0].detail!)).toEqual({ via: "sso" });
  });

  it("refuses to link an existing account when the provider says the email is not verified", async () => {
    const existing = await createTestUser(db, { email: "unverified@newsroom.test" });
    await expect(
      linkSsoUser(db, { issuer, profile: { sub: nextSub(), email: "unverified@newsroom.test", email_verified: false } }),
    ).rejects.toThrow(/not verified/);
    expect(await db.externalIdentity.count({ where: { userId: existing.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("refuses to link an existing account when the provider does not say the email is verified", async () => {
    await createTestUser(db, { email: "silent@newsroom.test" });
    await expect(linkSsoUser(db, { issuer, profile: { sub: nextSub(), email: "silent@newsroom.test" } })).rejects.toThrow(/not verified/);
  });

  it("records a sign-in each time a linked identity comes back", async () => {
    const sub = nextSub();
    const user = await linkSsoUser(db, { issuer, profile: { sub, email: "returning@newsroom.test" } });
    await linkSsoUser(db, { issuer, profile: { sub, email: "returning@newsroom.test" } });
    const types = (await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } })).map((event) => event.type);
    expect(types).toEqual(["auth.signed_up", "auth.signed_in"]);
  });

  it("still creates a new account for an unverified email nobody has", async () => {
    const user = await linkSsoUser(db, { issuer, profile: { sub: nextSub(), email: "fresh-unverified@newsroom.test", email_verified: false } });
    expect(user.email).toBe("fresh-unverified@newsroom.test");
  });
});

describe("checkSsoSignIn", () => {
  const check = (profile: { sub?: string; email?: string; email_verified?: boolean }) => checkSsoSignIn(db, { issuer, profile });

  it("refuses a profile without an email", async () => {
    await expect(check({ sub: nextSub() })).resolves.toBe("SsoNoEmail");
  });

  it("refuses an unverified email that belongs to an existing account", async () => {
    await createTestUser(db, { email: "taken-unverified@newsroom.test" });
    await expect(check({ sub: nextSub(), email: "Taken-Unverified@newsroom.test" })).resolves.toBe("SsoEmailNotVerified");
    await expect(check({ sub: nextSub(), email: "taken-unverified@newsroom.test", email_verified: true })).resolves.toBeNull();
  });

  it("lets a known identity and a new email through", async () => {
    const sub = nextSub();
    await linkSsoUser(db, { issuer, profile: { sub, email: "known@newsroom.test" } });
    await expect(check({ sub, email: "known@newsroom.test" })).resolves.toBeNull();
    await expect(check({ sub: nextSub(), email: "brand-new@newsroom.test" })).resolves.toBeNull();
  });
});
