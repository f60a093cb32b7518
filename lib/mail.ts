import "server-only";
import { getEnv } from "@/lib/env";

/** Sends a plain-text mail when SMTP_URL is set; returns false (nothing sent) otherwise. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const env = getEnv();
  if (!env.SMTP_URL) return false;
  const { createTransport } = await import("nodemailer");
  const transport = createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.SMTP_FROM ?? "FactDesk <no-reply@localhost>", ...message });
  return true;
}
