import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { createTeam } from "@/lib/teams/mutations";
import { hashPassword } from "./password";
import { loadSessionUser, startSession } from "./sessions";
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

  it("links an existing password account whose address was proven by mail, and keeps its password", async () => {
    const passwordHash = await hashPassword("correct horse battery");
    const existing = await createTestUser(db, { email: "linked@newsroom.test", name: "Existing Name", passwordHash });
    await db.user.update({ where: { id: existing.id }, data: { emailVerifiedAt: new Date(), emailVerifiedVia: "mail" } });
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
    expect(JSON.parse(events[0].detail!)).toEqual({ via: "sso", linked: true });
  });

  it.each([
    ["never verified", null],
    ["vouched for only by a team owner", "owner" as const],
  ])("releases an existing account whose address was %s and makes the SSO person a fresh, verified one", async (_label, via) => {
    const passwordHash = await hashPassword("attacker's password");
    const email = `claimed-${nextSub()}@newsroom.test`;
    const squatter = await createTestUser(db, { email, name: "Squatter", passwordHash });
    if (via) await db.user.update({ where: { id: squatter.id }, data: { emailVerifiedAt: new Date(), emailVerifiedVia: via } });
    const squatterTeam = await createTeam(db, { name: "Squatter Desk", userId: squatter.id });
    const squatterSession = await startSession(db, { userId: squatter.id, method: "password" });
    await db.accountToken.create({
      data: { userId: squatter.id, email, purpose: "reset_password", via: "mail", tokenHash: `hash-${email}`, expiresAt: new Date(Date.now() + 60_000) },
    });

    const sub = nextSub();
    const user = await linkSsoUser(db, { issuer, profile: { sub, email, email_verified: true, name: "Alice" } });

    expect(user.id).not.toBe(squatter.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email, name: "Alice", passwordHash: null, emailVerifiedVia: "sso" });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.externalIdentity.findMany({ where: { userId: user.id } })).toMatchObject([{ provider: issuer, subject: sub }]);

    const released = await db.user.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(released).toMatchObject({ email: `released-${squatter.id}@released.invalid`, passwordHash: null, emailVerifiedAt: null });
    expect(await loadSessionUser(db, squatterSession)).toBeNull();
    // Its team stays its own: nothing of it reaches the newcomer.
    expect(await db.membership.findMany({ where: { userId: squatter.id } })).toMatchObject([{ teamId: squatterTeam.id, role: "owner" }]);
    expect(await db.accountToken.count({ where: { userId: squatter.id, usedAt: null } })).toBe(0);

    const releasedEvent = await db.auditEvent.findFirstOrThrow({ where: { type: "auth.account_released", userId: squatter.id } });
    expect(releasedEvent).toMatchObject({ email });
    expect(JSON.parse(releasedEvent.detail!)).toEqual({ reason: "sso_claimed" });
    const signedUp = await db.auditEvent.findFirstOrThrow({ where: { type: "auth.signed_up", userId: user.id } });
    expect(JSON.parse(signedUp.detail!)).toEqual({ via: "sso", releasedAccountId: squatter.id });
  });

  it("gives a new account the provider's verification only when the provider vouches", async () => {
    const verified = await linkSsoUser(db, { issuer, profile: { sub: nextSub(), email: "vouched@newsroom.test", email_verified: true } });
    const unverified = await linkSsoUser(db, { issuer, profile: { sub: nextSub(), email: "unvouched@newsroom.test" } });
    expect(await db.user.findUniqueOrThrow({ where: { id: verified.id } })).toMatchObject({ emailVerifiedVia: "sso", emailVerifiedAt: expect.any(Date) });
    expect(await db.user.findUniqueOrThrow({ where: { id: unverified.id } })).toMatchObject({ emailVerifiedVia: null, emailVerifiedAt: null });
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
