import { z } from "zod";
import { PRESENCE_ACTIVITIES } from "./activities";

/**
 * A page's heartbeat, from the query string of POST /api/t/[team]/articles/[articleId]/presence
 * (no body: a heartbeat is a few short words). `tab` is the random id the page made when it
 * opened; the claim, when given, must be of the article.
 */
export const presenceHeartbeatSchema = z.object({
  tab: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, "The page's id is 8 to 40 letters, digits, - or _."),
  claim: z.string().min(1).max(64).optional(),
  activity: z.enum(PRESENCE_ACTIVITIES, { error: "Unknown activity." }).default("viewing"),
});

export type PresenceHeartbeat = z.infer<typeof presenceHeartbeatSchema>;

/** A page leaving: DELETE with its `tab`. */
export const presenceLeaveSchema = presenceHeartbeatSchema.pick({ tab: true });
