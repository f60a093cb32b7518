import "server-only";
import { db } from "@/lib/db";
import { buildAppUrl, isMailEnabled } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { sendDueNotificationMails } from "./mail";

/** How often each server process looks for notification mail that is due. */
const MAILER_POLL_MS = 5_000;

const globalForMailer = globalThis as unknown as { factdeskNotificationMailer?: NodeJS.Timeout };

/**
 * Starts this process's notification mailer when SMTP is set up; later calls do nothing. Called
 * after every writing action (lib/auth/action.ts: notifications come only from changes, so the
 * process that made one mails it) and when the live hub starts (a process serving open pages).
 * Not from instrumentation.ts, which cannot load the server-only database client. Every process
 * may run one; the lease in sendDueNotificationMails makes sure a person's mail is sent by one of
 * them, at most once a minute.
 */
export function startNotificationMailer(): void {
  if (!isMailEnabled() || globalForMailer.factdeskNotificationMailer) return;
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      await sendDueNotificationMails(db, { now: new Date(), send: sendMail, buildLink: (path) => buildAppUrl(path) });
    } catch (error) {
      console.error("Notification mail:", error);
    } finally {
      isRunning = false;
    }
  };
  globalForMailer.factdeskNotificationMailer = setInterval(() => void tick(), MAILER_POLL_MS);
  globalForMailer.factdeskNotificationMailer.unref();
}
