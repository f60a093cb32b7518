import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { recordAuditEvent } from "./record";

const db = setUpTestDatabase();

describe("recordAuditEvent", () => {
  it("stores the detail as JSON text", async () => {
    const user = await createTestUser(db);
    const detail = { via: "sso", nested: { count: 2, tags: ["a", "b"] }, quote: `say "hi"` };
    await recordAuditEvent(db, { type: "auth.signed_in", userId: user.id, email: user.email, ip: "192.0.2.30", detail });
    const [row] = await db.auditEvent.findMany({ where: { userId: user.id } });
    expect(typeof row.detail).toBe("string");
    expect(JSON.parse(row.detail!)).toEqual(detail);
    expect(row).toMatchObject({ type: "auth.signed_in", email: user.email, ip: "192.0.2.30", teamId: null });
  });

  it("stores null for everything not given", async () => {
    const before = new Date(Date.now() - 1000);
    await recordAuditEvent(db, { type: "auth.signed_out", email: "bare-event@example.test" });
    const [row] = await db.auditEvent.findMany({ where: { email: "bare-event@example.test" } });
    expect(row).toMatchObject({ type: "auth.signed_out", userId: null, teamId: null, ip: null, detail: null });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it("writes inside the caller's transaction, so a rolled-back change leaves no event", async () => {
    const marker = "rolled-back@example.test";
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, { type: "auth.signed_in", email: marker });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.auditEvent.count({ where: { email: marker } })).toBe(0);
  });
});
