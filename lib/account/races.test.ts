import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { findTotpStep, timeStepAt, totpCodeAt } from "@/lib/auth/totp";
import { createTeam } from "@/lib/teams/mutations";
import { race, refusalsOf, ROUNDS } from "@/tests/race";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { deleteAccount } from "./delete-account";
import { confirmTwoStepSetup, startTwoStepSetup } from "./two-step";

// A person's account changed twice at the same moment (docs/decisions/0013-concurrent-writes.md).
const db = setUpTestDatabase();
const PASSWORD = "correct horse battery";
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

describe("deleting accounts at the same moment", () => {
  it("the two owners of a team with other members: one is refused, the team keeps an owner", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [first, second] = [await createTestUser(db, { passwordHash }), await createTestUser(db, { passwordHash })];
      const editor = await createTestUser(db);
      const team = await createTeam(db, { name: "Shared Desk", userId: first.id });
      await db.membership.createMany({ data: [{ teamId: team.id, userId: second.id, role: "owner" }, { teamId: team.id, userId: editor.id, role: "editor" }] });
      const results = await race(...[first, second].map((user) => () => deleteAccount(db, user, { password: PASSWORD }, null)));
      expect(refusalsOf(results)).toEqual([expect.stringContaining("You are the only owner of “Shared Desk”")]);
      expect(await db.membership.count({ where: { teamId: team.id, role: "owner" } })).toBe(1);
    }
  });
});

describe("two-step verification set up again while it is being confirmed", () => {
  it("is never on with a secret other than the one whose code confirmed it", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const user = await createTestUser(db, { passwordHash });
      await startTwoStepSetup(db, user);
      const { secret } = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
      const now = new Date();
      await race(() => confirmTwoStepSetup(db, user, totpCodeAt(secret, timeStepAt(now)), now), () => startTwoStepSetup(db, user));
      const factor = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
      // On means the person's app holds this secret: the code they typed came from it.
      if (factor.confirmedAt) expect(findTotpStep(factor.secret, totpCodeAt(secret, timeStepAt(now)), now)).not.toBeNull();
    }
  });
});
