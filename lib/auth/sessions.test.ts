import { describe, expect, it } from "vitest";
import { countQueries, createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { listActiveSessions, loadSessionUser, revokeSession, revokeSessions, SESSION_TOUCH_MS, startSession } from "./sessions";

const db = setUpTestDatabase({ logQueries: true });
const HOUR = 3_600_000;
const policy = { idleMs: 12 * HOUR, lifetimeMs: 7 * 24 * HOUR };
const t0 = new Date("2026-03-02T09:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

describe("sessions", () => {
  it("opens a session labelled by its device, and loads its user by the id alone", async () => {
    const user = await createTestUser(db);
    const id = await startSession(db, { userId: user.id, method: "password", userAgent: CHROME, now: t0, policy });
    expect(id).toMatch(/^[\w-]{43}$/);
    expect(await loadSessionUser(db, id, { now: at(HOUR), policy })).toEqual({ id: user.id, email: user.email, name: user.name, sessionId: id });
    expect(await db.session.findUniqueOrThrow({ where: { id } })).toMatchObject({ device: "Chrome on Linux", method: "password", expiresAt: at(7 * 24 * HOUR) });
    expect(await loadSessionUser(db, "no-such-session", { now: at(HOUR), policy })).toBeNull();
  });

  it("ends after 12 idle hours, and is kept alive by use", async () => {
    const user = await createTestUser(db);
    const idle = await startSession(db, { userId: user.id, method: "password", now: t0, policy });
    const used = await startSession(db, { userId: user.id, method: "password", now: t0, policy });
    expect(await loadSessionUser(db, used, { now: at(11 * HOUR), policy })).not.toBeNull();
    expect(await loadSessionUser(db, idle, { now: at(12 * HOUR + 1), policy })).toBeNull();
    expect(await loadSessionUser(db, used, { now: at(22 * HOUR), policy })).not.toBeNull();
  });

  it("ends at its absolute lifetime however active it is", async () => {
    const user = await createTestUser(db);
    const id = await startSession(db, { userId: user.id, method: "password", now: t0, policy });
    for (let hour = 10; hour < 7 * 24; hour += 10) expect(await loadSessionUser(db, id, { now: at(hour * HOUR), policy }), `hour ${hour}`).not.toBeNull();
    expect(await loadSessionUser(db, id, { now: at(7 * 24 * HOUR), policy })).toBeNull();
  });

  it("costs one query per request, and a write at most every five minutes", async () => {
    const user = await createTestUser(db);
    const id = await startSession(db, { userId: user.id, method: "password", now: t0, policy });
    const queries = countQueries(db);
    await loadSessionUser(db, id, { now: at(60_000), policy });
    expect(queries.count).toBe(1);
    await loadSessionUser(db, id, { now: at(SESSION_TOUCH_MS - 1), policy });
    expect(queries.count).toBe(2);
    queries.reset();
    await loadSessionUser(db, id, { now: at(SESSION_TOUCH_MS + 1), policy });
    expect(queries.count).toBeGreaterThan(2);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(at(SESSION_TOUCH_MS + 1));
    queries.reset();
    await loadSessionUser(db, id, { now: at(SESSION_TOUCH_MS + 2), policy });
    expect(queries.count).toBe(1);
  });

  it("with mail set up, loads a password account's session only once its address is verified; a single sign-on account's at once", async () => {
    const mail = { now: at(HOUR), policy, isMailEnabled: true };
    const unverified = await createTestUser(db, { passwordHash: "hash" });
    const sso = await createTestUser(db);
    const unverifiedSession = await startSession(db, { userId: unverified.id, method: "password", now: t0, policy });
    const ssoSession = await startSession(db, { userId: sso.id, method: "sso", now: t0, policy });
    expect(await loadSessionUser(db, unverifiedSession, mail)).toBeNull();
    expect(await loadSessionUser(db, unverifiedSession, { now: at(HOUR), policy })).toMatchObject({ id: unverified.id });
    expect(await loadSessionUser(db, ssoSession, mail)).toMatchObject({ id: sso.id });
    await db.user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: t0 } });
    expect(await loadSessionUser(db, unverifiedSession, mail)).toMatchObject({ id: unverified.id, sessionId: unverifiedSession });
  });

  it("revokes one session, or all but the current one, or all; a revoked session never loads again", async () => {
    const user = await createTestUser(db);
    const other = await createTestUser(db);
    const [first, second, third] = await Promise.all([1, 2, 3].map(() => startSession(db, { userId: user.id, method: "password", now: t0, policy })));
    const theirs = await startSession(db, { userId: other.id, method: "sso", now: t0, policy });
    expect(await revokeSession(db, { userId: user.id, sessionId: theirs, now: at(1) })).toBe(false);
    expect(await revokeSession(db, { userId: user.id, sessionId: first, now: at(1) })).toBe(true);
    expect(await loadSessionUser(db, first, { now: at(2), policy })).toBeNull();
    expect(await revokeSessions(db, { userId: user.id, exceptId: second, now: at(3) })).toBe(1);
    expect(await loadSessionUser(db, third, { now: at(4), policy })).toBeNull();
    expect((await listActiveSessions(db, user.id, { now: at(4), policy })).map((session) => session.id)).toEqual([second]);
    expect(await revokeSessions(db, { userId: user.id, now: at(5) })).toBe(1);
    expect(await listActiveSessions(db, user.id, { now: at(6), policy })).toEqual([]);
    expect(await loadSessionUser(db, theirs, { now: at(6), policy })).not.toBeNull();
  });

  it("clears the person's dead sessions when a new one opens", async () => {
    const user = await createTestUser(db);
    const old = await startSession(db, { userId: user.id, method: "password", now: t0, policy });
    await revokeSession(db, { userId: user.id, sessionId: old, now: at(1) });
    await startSession(db, { userId: user.id, method: "password", now: at(2), policy });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
