import type { Db } from "../../lib/config/prisma-client";
import { confirmTwoStepSetup, startTwoStepSetup } from "../../lib/account/two-step";
import { hashPassword } from "../../lib/auth/password";
import { startSession } from "../../lib/auth/sessions";
import { timeStepAt, totpCodeAt } from "../../lib/auth/totp";

/**
 * The account page's actions act on the caller's own account, so their valid input depends on the
 * caller: these make what it needs (a password, a session, an authenticator) for whoever calls.
 */
type Caller = { id: string; email: string };

export const CALLER_PASSWORD = "an authz caller's passphrase";

async function givePassword(db: Db, caller: Caller) {
  await db.user.update({ where: { id: caller.id }, data: { passwordHash: await hashPassword(CALLER_PASSWORD) } });
}

async function readSecret(db: Db, caller: Caller) {
  return (await db.totpFactor.findUniqueOrThrow({ where: { userId: caller.id }, select: { secret: true } })).secret;
}

export const accountCallers = {
  withPassword: async (db: Db, caller: Caller) => {
    await givePassword(db, caller);
    return { currentPassword: CALLER_PASSWORD };
  },
  withSession: async (db: Db, caller: Caller) => ({ sessionId: await startSession(db, { userId: caller.id, method: "password" }) }),
  withPendingAuthenticator: async (db: Db, caller: Caller) => {
    await givePassword(db, caller);
    await startTwoStepSetup(db, caller);
    return { code: totpCodeAt(await readSecret(db, caller), timeStepAt(new Date())) };
  },
  withAuthenticator: async (db: Db, caller: Caller) => {
    await givePassword(db, caller);
    await startTwoStepSetup(db, caller);
    const earlier = new Date(Date.now() - 60_000);
    const secret = await readSecret(db, caller);
    await confirmTwoStepSetup(db, caller, totpCodeAt(secret, timeStepAt(earlier)), earlier);
    return { password: CALLER_PASSWORD, code: totpCodeAt(secret, timeStepAt(new Date())) };
  },
  withEmailTyped: async (_db: Db, caller: Caller) => ({ confirmEmail: caller.email }),
};
