import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { revokeAllSessions } from "./revoke-sessions";
import { loadSessionUser, startSession } from "./sessions";

const db = setUpTestDatabase();

describe("revokeAllSessions", () => {
  it("ends every session of the account and no one else's", async () => {
    const user = await createTestUser(db);
    const other = await createTestUser(db);
    const phone = await startSession(db, { userId: user.id, method: "password" });
    const laptop = await startSession(db, { userId: user.id, method: "sso" });
    const colleague = await startSession(db, { userId: other.id, method: "password" });
    expect(await loadSessionUser(db, phone)).toMatchObject({ id: user.id });

    await db.$transaction((tx) => revokeAllSessions(tx, user.id));

    expect(await loadSessionUser(db, phone)).toBeNull();
    expect(await loadSessionUser(db, laptop)).toBeNull();
    expect(await loadSessionUser(db, colleague)).toMatchObject({ id: other.id });
  });
});
