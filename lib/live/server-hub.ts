import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { startNotificationMailer } from "@/lib/notifications/mailer";
import { LiveHub } from "./hub";

// One hub per server process, made by the first stream that opens (kept on globalThis so that
// dev-mode reloads do not start a second).
const globalForHub = globalThis as unknown as { factdeskLiveHub?: LiveHub };

export function getLiveHub(): LiveHub {
  startNotificationMailer();
  globalForHub.factdeskLiveHub ??= new LiveHub({
    db,
    databaseUrl: getEnv().DATABASE_URL,
    onError: (error) => console.error("Live updates:", error),
  }).start();
  return globalForHub.factdeskLiveHub;
}

/**
 * After this process answered a change of the team: its pages here see it at once (on PostgreSQL
 * the commit's notification would also bring it, a moment later). Nothing to do while no page
 * of this process streams.
 */
export function pokeLiveFeed(teamId: string): void {
  globalForHub.factdeskLiveHub?.poke(teamId);
}
