"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { changePassword } from "@/lib/account/change-password";
import { deleteAccount } from "@/lib/account/delete-account";
import { changePasswordSchema, confirmIdentitySchema, deleteAccountSchema, sessionIdSchema, totpCodeSchema } from "@/lib/account/schema";
import { endAllSessions, endSession } from "@/lib/account/sessions";
import { cancelTwoStepSetup, confirmTwoStepSetup, startTwoStepSetup, turnOffTwoStep } from "@/lib/account/two-step";
import { userAction } from "@/lib/auth/action";
import { readClientAddress } from "@/lib/http/client-address";
import { requireSession } from "@/lib/auth/guard";
import { db } from "@/lib/db";

async function clientAddress() {
  return readClientAddress(await headers());
}

export const changePasswordAction = userAction({ schema: changePasswordSchema }, async (input) => {
  const actor = await requireSession();
  const { sessionsEnded } = await changePassword(db, actor, input, await clientAddress());
  revalidatePath("/account");
  const others = sessionsEnded === 1 ? "1 other session was" : `${sessionsEnded} other sessions were`;
  return { ok: true as const, data: null, message: `Password changed. ${others} signed out.` };
});

export const endSessionAction = userAction({ schema: sessionIdSchema }, async ({ sessionId }) => {
  const actor = await requireSession();
  await endSession(db, actor, sessionId);
  if (sessionId === actor.sessionId) redirect("/sign-in");
  revalidatePath("/account");
  return { ok: true as const, data: null, message: "Signed out there." };
});

export const signOutEverywhereAction = userAction({ schema: z.object({}) }, async () => {
  await endAllSessions(db, await requireSession());
  redirect("/sign-in?notice=signed-out-everywhere");
});

export const startTwoStepAction = userAction({ schema: z.object({}) }, async (_input, user) => {
  await startTwoStepSetup(db, user);
  revalidatePath("/account");
  return null;
});

export const confirmTwoStepAction = userAction({ schema: totpCodeSchema }, async ({ code }, user) => {
  const recoveryCodes = await confirmTwoStepSetup(db, user, code);
  return { recoveryCodes };
});

export const cancelTwoStepAction = userAction({ schema: z.object({}) }, async (_input, user) => {
  await cancelTwoStepSetup(db, user);
  revalidatePath("/account");
  return null;
});

export const turnOffTwoStepAction = userAction({ schema: confirmIdentitySchema }, async (input, user) => {
  await turnOffTwoStep(db, user, input, await clientAddress());
  revalidatePath("/account");
  return { ok: true as const, data: null, message: "Two-step verification is off." };
});

export const deleteAccountAction = userAction({ schema: deleteAccountSchema }, async (input, user) => {
  await deleteAccount(db, user, input, await clientAddress());
  redirect("/sign-in?notice=account-deleted");
});
