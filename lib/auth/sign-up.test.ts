import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/tests/test-db";
import { AppError } from "@/lib/errors";
import { signUpSchema } from "./schema";
import { verifyPassword } from "./password";
import { isEmailTakenError, noteSignUpWithTakenEmail, signUp, TAKEN_NOTICE_GAP_MS } from "./sign-up";

const db = setUpTestDatabase();
let counter = 0;

/** Parses the form input the way the sign-up action does. */
function input(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return signUpSchema.parse({ name: "Ada Reporter", email: `ada-${counter}@newsroom.test`, password: "correct horse battery", ...overrides });
}

describe("signUp", () => {
  it("creates the user with a hashed password and makes them owner of their new team", async () => {
    const { user, team } = await signUp(db, input({ teamName: "Metro Desk", email: " Metro.Owner@Newsroom.TEST " }), "192.0.2.20");
    expect(user).toMatchObject({ email: "metro.owner@newsroom.test", name: "Ada Reporter" });
    expect(team).toMatchObject({ name: "Metro Desk", slug: "metro-desk" });

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(stored.passwordHash!, "correct horse battery")).resolves.toBe(true);
    expect(stored.lastTeamId).toBe(team!.id);

    const memberships = await db.membership.findMany({ where: { userId: user.id } });
    expect(memberships).toMatchObject([{ teamId: team!.id, role: "owner" }]);
  });

  it("records the sign-up and the team's creation", async () => {
    const { user, team } = await signUp(db, input({ teamName: "Audit Desk" }), "192.0.2.21");
    const events = await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.type).sort()).toEqual(["auth.signed_up", "team.created"]);
    expect(events.find((event) => event.type === "auth.signed_up")).toMatchObject({ email: user.email, ip: "192.0.2.21" });
    expect(events.find((event) => event.type === "team.created")).toMatchObject({ teamId: team!.id });
  });

  it("names the team after the person when no team name is given", async () => {
    const { team } = await signUp(db, input({ name: "Grace Hopper" }), null);
    expect(team).toMatchObject({ name: "Grace Hopper's newsroom", slug: "grace-hopper-s-newsroom" });
  });

  it("numbers the slug when another team already has it", async () => {
    const first = await signUp(db, input({ teamName: "Night Desk" }), null);
    const second = await signUp(db, input({ teamName: "Night Desk" }), null);
    expect(first.team?.slug).toBe("night-desk");
    expect(second.team?.slug).toBe("night-desk-2");
  });

  it("refuses an email that already has an account, whatever its case, with a field error", async () => {
    await signUp(db, input({ email: "taken@newsroom.test" }), null);
    const usersBefore = await db.user.count();
    const teamsBefore = await db.team.count();
    const attempt = signUp(db, input({ email: "Taken@Newsroom.test", teamName: "Second Desk" }), null);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: [expect.stringContaining("already exists")] },
    });
    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.team.count()).toBe(teamsBefore);
  });

  it("creates no team when the person signs up through an invitation", async () => {
    const teamsBefore = await db.team.count();
    const { user, team } = await signUp(db, input({ invitation: "some-invitation-token" }), null);
    expect(team).toBeNull();
    expect(await db.team.count()).toBe(teamsBefore);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    const types = (await db.auditEvent.findMany({ where: { userId: user.id } })).map((event) => event.type);
    expect(types).toEqual(["auth.signed_up"]);
  });
  it("leaves the address unverified: a mailed link, an invitation or an owner verifies it", async () => {
    const { user } = await signUp(db, input(), null);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ emailVerifiedAt: null, emailVerifiedVia: null });
  });
});

describe("noteSignUpWithTakenEmail", () => {
  it("says to notify the address's owner at most once per quarter hour, and audits every attempt", async () => {
    const { user } = await signUp(db, input({ name: "Taken Owner" }), null);
    const attempt = signUp(db, input({ email: user.email }), null).catch((error: unknown) => error);
    expect(isEmailTakenError(await attempt)).toBe(true);

    const now = new Date();
    await expect(noteSignUpWithTakenEmail(db, user.email, "192.0.2.50", now)).resolves.toEqual({ shouldNotify: true, name: "Taken Owner" });
    await expect(noteSignUpWithTakenEmail(db, user.email, "192.0.2.50", new Date(now.getTime() + 1_000))).resolves.toMatchObject({ shouldNotify: false });
    const later = new Date(now.getTime() + TAKEN_NOTICE_GAP_MS + 2_000);
    await db.auditEvent.updateMany({ where: { type: "auth.sign_up_email_taken", email: user.email }, data: { createdAt: now } });
    await expect(noteSignUpWithTakenEmail(db, user.email, null, later)).resolves.toMatchObject({ shouldNotify: true });
    expect(await db.auditEvent.count({ where: { type: "auth.sign_up_email_taken", email: user.email } })).toBe(3);
    await expect(noteSignUpWithTakenEmail(db, "nobody@newsroom.test", null)).resolves.toEqual({ shouldNotify: false, name: null });
  });
});
