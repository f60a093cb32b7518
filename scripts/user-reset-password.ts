/**
 * `npm run user:reset-password -- EMAIL`: prints a single-use link that sets a new password for
 * the account, for a server without mail (SMTP_URL unset), where "Forgot your password?" cannot
 * mail one. Hand it to the person yourself: using it verifies their address (on your word) and
 * ends every session of the account. The link works once, for 24 hours.
 */
import { parseArgs } from "node:util";
import { issuePasswordResetLink } from "../lib/auth/password-reset";
import { emailSchema } from "../lib/auth/schema";
import { loadLocalEnv } from "../lib/config/load-env";
import { createPrismaClient } from "../lib/config/prisma-client";
import { buildAppUrl } from "../lib/env";

loadLocalEnv();
const { positionals } = parseArgs({ allowPositionals: true, strict: false });
const email = emailSchema.safeParse(positionals[0] ?? "");
if (positionals.length !== 1 || !email.success) {
  console.error("usage: npm run user:reset-password -- EMAIL");
  process.exit(2);
}
const db = createPrismaClient(process.env.DATABASE_URL!);
try {
  const issued = await issuePasswordResetLink(db, email.data, "operator");
  if (!issued) {
    console.error(`No account has the address ${email.data}.`);
    process.exitCode = 1;
  } else {
    console.log(`Password-reset link for ${issued.name} <${issued.email}>, single use, until ${issued.expiresAt.toUTCString()}:`);
    console.log(buildAppUrl(`/reset-password/${issued.token}`));
    console.log("Give it to them yourself (not by a channel others read). Using it confirms their address and signs them out everywhere.");
  }
} finally {
  await db.$disconnect();
}
