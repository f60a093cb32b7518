import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { seedTeam, type SeededTeam } from "@/tests/authz/world";
import { setUpTestDatabase } from "@/tests/test-db";
import type { SessionUser } from "./session";

/**
 * The writer's throttle in the one guard (lib/auth/action.ts): every action with a writing
 * permission counts, reads and refused calls do not. Only the session reader is stood in for.
 */
process.env.RATE_LIMIT_WRITES_PER_USER = "3/1m";

const testDb = setUpTestDatabase();
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/db", () => ({ db: testDb }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

const { teamAction, userAction } = await import("./action");

let world: SeededTeam;
beforeAll(async () => {
  world = await seedTeam(testDb, { label: "throttle" });
});

const noInput = z.object({});
let calls = 0;
const write = teamAction({ schema: noInput, permission: "content:write" }, async () => ++calls);
const manage = teamAction({ schema: noInput, permission: "member:manage" }, async () => ++calls);
const read = teamAction({ schema: noInput, permission: "team:read" }, async () => ++calls);
const personal = userAction({ schema: noInput }, async () => ++calls);

describe("the writer's throttle", () => {
  it("refuses the fourth write in a minute, across actions and teams, before the handler runs", async () => {
    session.user = world.owner;
    const team = world.team.slug;
    expect(await write({ team })).toMatchObject({ ok: true });
    expect(await manage({ team })).toMatchObject({ ok: true });
    expect(await personal({})).toMatchObject({ ok: true });
    const before = calls;
    expect(await write({ team })).toEqual({
      ok: false,
      message: expect.stringMatching(/^You have made a great many changes in a short time, more than anyone makes by hand\. Nothing was changed; try again in \d+ seconds\.$/),
      values: { team },
    });
    expect(calls).toBe(before);
    // Reading is not writing.
    for (let index = 0; index < 5; index++) expect(await read({ team })).toMatchObject({ ok: true });
  });

  it("counts each person apart, and not the calls the guard or the input refuses", async () => {
    session.user = world.viewer;
    const team = world.team.slug;
    for (let index = 0; index < 5; index++) expect(await write({ team })).toMatchObject({ ok: false, message: expect.stringContaining("does not allow this") });
    session.user = world.editor;
    const strict = teamAction({ schema: z.object({ name: z.string() }), permission: "content:write" }, async () => ++calls);
    for (let index = 0; index < 5; index++) expect(await strict({ team })).toMatchObject({ ok: false, message: "Check the highlighted fields." });
    for (let index = 0; index < 3; index++) expect(await write({ team })).toMatchObject({ ok: true });
    expect(await write({ team })).toMatchObject({ ok: false, message: expect.stringContaining("Nothing was changed") });
  });
});
