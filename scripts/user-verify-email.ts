/**
 * `npm run user:verify-email -- EMAIL...`: confirms, on the operator's word, that each address is
 * its account's, so a single sign-on with the same address links to the account instead of
 * releasing it (docs/operations.md: before switching SSO on where no mail was set up).
 * `npm run user:verify-email -- --list`: the password accounts no mailbox proof backs yet.
 */
import { parseArgs } from "node:util";
import { confirmEmailByOperator, listUnprovenPasswordAccounts } from "../lib/auth/email-verification";
import { emailSchema } from "../lib/auth/schema";
import { loadLocalEnv } from "../lib/config/load-env";
import { createPrismaClient } from "../lib/config/prisma-client";
import { countOf } from "../lib/text/plural";

loadLocalEnv();
const { values, positionals } = parseArgs({ options: { list: { type: "boolean" } }, allowPositionals: true });
const emails = positionals.map((value) => emailSchema.safeParse(value));
if ((!values.list && positionals.length === 0) || emails.some((email) => !email.success)) {
  console.error("usage: npm run user:verify-email -- EMAIL... | --list");
  process.exit(2);
}
const db = createPrismaClient(process.env.DATABASE_URL!);
try {
  if (values.list) {
    const accounts = await listUnprovenPasswordAccounts(db);
    for (const account of accounts) {
      const state = account.emailVerifiedVia === "owner" ? "vouched for by a team owner" : "never verified";
      console.log(`${account.email}\t${account.name}\t${state}\tsince ${account.createdAt.toISOString().slice(0, 10)}`);
    }
    console.log(`${countOf(accounts.length, "password account")} whose address no mailbox proof backs.`);
  }
  for (const email of emails) {
    const result = await confirmEmailByOperator(db, email.data!);
    if (!result) {
      console.error(`No account has the address ${email.data}.`);
      process.exitCode = 1;
    } else {
      console.log(result.isChanged ? `${result.email}: confirmed.` : `${result.email}: already proven; nothing changed.`);
    }
  }
} finally {
  await db.$disconnect();
}
