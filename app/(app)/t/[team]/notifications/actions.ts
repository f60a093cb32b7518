"use server";

import { z } from "zod";
import { teamAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { markNotificationsRead, setEmailPreferences } from "@/lib/notifications/mutations";
import { countUnread } from "@/lib/notifications/queries";

// Every member has an inbox of their own: these need only membership (team:read), and each acts
// on the caller's own notifications and settings alone (the queries name the caller).

/** The caller's unread count in the team, for the header when the live feed says one arrived. */
export const readUnreadCountAction = teamAction({ schema: z.object({}), permission: "team:read" }, async (_input, { team, user }) => ({
  unread: await countUnread(db, { teamId: team.id, userId: user.id }),
}));

const markReadSchema = z.object({
  /** Absent: all of the caller's notifications in the team. */
  ids: z.array(z.string().min(1).max(64)).min(1).max(200).optional(),
});

export const markNotificationsReadAction = teamAction({ schema: markReadSchema, permission: "team:read" }, async (input, { team, user }) =>
  markNotificationsRead(db, { teamId: team.id, userId: user.id }, input.ids),
);

const emailPreferencesSchema = z.object({
  kinds: z.array(z.enum(NOTIFICATION_KINDS, { error: "Choose from the kinds listed" })).max(NOTIFICATION_KINDS.length),
});

export const setEmailPreferencesAction = teamAction({ schema: emailPreferencesSchema, permission: "team:read" }, async (input, { user }) => {
  const saved = await setEmailPreferences(db, user.id, input.kinds);
  return { ok: true as const, data: saved, message: saved.kinds.length === 0 ? "No notifications will be mailed to you." : "Your mail settings are saved." };
});
