import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { isSessionCurrent, revokeAllSessions } from "./revoke-sessions";

const db = setUpTestDatabase();

describe("revokeAllSessions", () => {
  it("moves the account's session version on, so every token issued before no longer counts", async () => {
    const user = await createTestUser(db);
    expect(isSessionCurrent(undefined, user.sessionVersion)).toBe(true);
    await revokeAllSessions(db, user.id);
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(isSessionCurrent(0, sessionVersion)).toBe(false);
    expect(isSessionCurrent(undefined, sessionVersion)).toBe(false);
    expect(isSessionCurrent(sessionVersion, sessionVersion)).toBe(true);
    expect(isSessionCurrent("1", sessionVersion)).toBe(false);
  });
});
