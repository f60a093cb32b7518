import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { revokeSession, revokeSessions } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";

type Actor = { id: string; email: string };

/** "Sign out" beside one of the person's sessions on the account page. */
export async function endSession(db: Db, actor: Actor, sessionId: string) {
  const isEnded = await revokeSession(db, { userId: actor.id, sessionId });
  if (!isEnded) throw new AppError("NOT_FOUND", "That session has already ended.");
  await recordAuditEvent(db, { type: "auth.session_ended", userId: actor.id, email: actor.email });
}

/** "Sign out everywhere": every session of the person, this one included. */
export async function endAllSessions(db: Db, actor: Actor) {
  return db.$transaction(async (tx) => {
    const count = await revokeSessions(tx, { userId: actor.id });
    await recordAuditEvent(tx, { type: "auth.signed_out_everywhere", userId: actor.id, email: actor.email, detail: { sessionsEnded: count } });
    return count;
  });
}
