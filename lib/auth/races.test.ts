import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTeam } from "@/lib/teams/mutations";
import { confirmMemberEmail } from "@/lib/teams/confirm-member-email";
import { holdRow, race, refusalsOf, ROUNDS, settleWithin } from "@/tests/race";
import { createTestUser, openTestDatabase } from "@/tests/test-db";
import { issueAccountToken } from "./account-tokens";
import { checkSecondFactor, generateRecoveryCodes, hashRecoveryCode } from "./mfa";
import { confirmEmailByOperator } from "./email-verification";
import { hashPassword } from "./password";
import { noteSignUpWithTakenEmail } from "./sign-up";
import { linkSsoUser } from "./sso";

// An account's one-time things and proofs, asked for twice at the same moment
// (docs/decisions/0013-concurrent-writes.md).
const { db, url } = openTestDatabase();
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword("correct horse battery");
});

describe("an address's proof", () => {
  it("by the operator and an owner's word at the same moment: the mailbox proof stands", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const owner = await createTestUser(db);
      const member = await createTestUser(db, { passwordHash });
      const team = await createTeam(db, { name: "Desk", userId: owner.id });
      const membership = await db.membership.create({ data: { teamId: team.id, userId: member.id, role: "editor" } });
      // Both read the unverified account, then wait at its row: the operator's proof is written
      // first, the owner's word after it, unless the owner's read waited for the operator's.
      const held = await holdRow(url, "User", member.id);
      const byOperator = confirmEmailByOperator(db, member.email);
      await settleWithin(byOperator, 200);
      const byOwner = confirmMemberEmail(db, { teamId: team.id, membershipId: membership.id, actorId: owner.id });
      await settleWithin(byOwner, 200);
      await held.release();
      await Promise.all([byOperator, byOwner]);
      expect(await db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ emailVerifiedVia: "operator" });
    }
  });
});

describe("one-time codes and links", () => {
  it("a mailed link asked for twice at once is made once (one a minute)", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const user = await createTestUser(db, { passwordHash });
      const ask = () => issueAccountToken(db, { userId: user.id, email: user.email, purpose: "reset_password", via: "mail" });
      const results = await race(ask, ask);
      expect(results.filter((result) => result.status === "fulfilled" && result.value)).toHaveLength(1);
      expect(await db.accountToken.count({ where: { userId: user.id } })).toBe(1);
    }
  });

  it("a recovery code used twice at once is accepted once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const user = await createTestUser(db, { passwordHash });
      const [code] = generateRecoveryCodes(1);
      await db.totpFactor.create({ data: { userId: user.id, secret: "JBSWY3DPEHPK3PXP", confirmedAt: new Date() } });
      await db.recoveryCode.create({ data: { userId: user.id, codeHash: hashRecoveryCode(code) } });
      const results = await race(() => checkSecondFactor(db, user.id, code), () => checkSecondFactor(db, user.id, code));
      expect(results.map((result) => (result.status === "fulfilled" ? result.value : "failed")).sort()).toEqual(["accepted", "refused"]);
    }
  });

  it("a sign-up with a taken address, twice at once, tells the address's owner once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const user = await createTestUser(db);
      const note = () => noteSignUpWithTakenEmail(db, user.email, null);
      const results = await race(note, note);
      expect(results.filter((result) => result.status === "fulfilled" && result.value.shouldNotify)).toHaveLength(1);
    }
  });
});

describe("a first single sign-on", () => {
  it("from two tabs at once makes one account, and both sign in to it", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const sub = `sub-${randomUUID()}`;
      const profile = { sub, email: `${sub}@newsroom.test`, email_verified: true, name: "New Reporter" };
      const link = () => linkSsoUser(db, { issuer: "https://login.newsroom.test/", profile });
      const results = await race(link, link);
      expect(refusalsOf(results)).toEqual([]);
      const ids = results.map((result) => (result.status === "fulfilled" ? result.value.id : null));
      expect(ids[0]).toBe(ids[1]);
      expect(await db.user.count({ where: { email: profile.email } })).toBe(1);
    }
  });
});
