/**
 * `npx tsx --conditions react-server scripts/bench/status-change.ts [--runs N] [--log] [--database-url URL]`:
 * what one status change (setClaimStatusAction) asks of the database, in process: the statements
 * the action's whole path runs (the session's lookup, the guard's membership read, the writer's
 * throttle, the change in its transaction with its history row, live feed row, notifications and
 * answer), counted by Prisma's query log, and the time of `runs` changes one after another.
 * Two claims: one without a verdict (the bench's), and one judged by a colleague (whose change
 * notifies them). Next's action handling and next-auth's cookie are not in it: scripts/action-cost.ts
 * measures the server as a whole. A fresh SQLite file unless `--database-url` names a database
 * (which is migrated and written to).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { saveImport } from "../../lib/articles/mutations";
import { saveImportSchema } from "../../lib/articles/schema";
import { startSession, loadSessionUser } from "../../lib/auth/sessions";
import { addCitation } from "../../lib/citations/mutations";
import { addCitationSchema } from "../../lib/citations/schema";
import { createClaim } from "../../lib/claims/mutations";
import { createPrismaClient, type Db } from "../../lib/config/prisma-client";
import { throttleWrites } from "../../lib/limits/throttles";
import { createTeam } from "../../lib/teams/mutations";
import { giveVerdict, setClaimStatus } from "../../lib/verification/mutations";
import { migrateDatabase } from "../lib/migrate";
import { median, round } from "./stats";

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Number(argument("--runs")) || 200;
const isLogged = process.argv.includes("--log");
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass.";

/** The guard's membership read (lib/auth/guard.ts, loadMembership), as it stands there. */
function readMembership(db: Db, userId: string, teamSlug: string) {
  return db.membership.findFirst({
    where: { userId, team: { slug: teamSlug } },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
  });
}

async function setUp(db: Db) {
  const stamp = Date.now().toString(36);
  const [editor, colleague] = await Promise.all(
    ["Edith Editor", "Colin Colleague"].map((name, index) => db.user.create({ data: { name, email: `status-${stamp}-${index}@bench.factdesk.test` } })),
  );
  const team = await createTeam(db, { name: `Status ${stamp}`, userId: editor!.id });
  await db.membership.create({ data: { teamId: team.id, userId: colleague!.id, role: "editor" } });
  const actor = { teamId: team.id, userId: editor!.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const plain = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(".") + 1 });
  const judged = await createClaim(db, actor, { articleId, start: TEXT.indexOf("Kartapolov"), end: TEXT.indexOf("it.") + 3 });
  await addCitation(db, actor, addCitationSchema.parse({ claimId: judged.id, relation: "states", sourceName: "Duma bill", isOrigin: "on" }));
  // A colleague's verdict: a change to the claim tells them (lib/notifications/create.ts).
  await giveVerdict(db, { teamId: team.id, userId: colleague!.id }, { claimId: judged.id, revision: 1, verdict: "accurate", rationale: "The bill's text says so." });
  const sessionId = await startSession(db, { userId: editor!.id, method: "password" });
  return { slug: team.slug, sessionId, claims: { "no verdict": plain.id, "a colleague's verdict": judged.id } };
}

/** One status change as setClaimStatusAction runs it: session, membership, throttle, change. */
async function changeStatus(db: Db, input: { sessionId: string; slug: string; claimId: string; revision: number; status: "in_progress" | "needs_review" }) {
  const user = await loadSessionUser(db, input.sessionId);
  if (!user) throw new Error("the session ended");
  const membership = await readMembership(db, user.id, input.slug);
  if (!membership) throw new Error("not a member");
  await throttleWrites(db, user.id);
  const note = input.status === "in_progress" ? "Sent back for a second look." : undefined;
  return setClaimStatus(db, { teamId: membership.team.id, userId: user.id, name: user.name }, { claimId: input.claimId, revision: input.revision, status: input.status, note });
}

async function main() {
  // The writer's throttle would refuse a bench of many changes by one person.
  process.env.RATE_LIMIT_WRITES_PER_USER ??= "100000/1m,1000000/1h";
  const given = argument("--database-url");
  const dir = given ? null : fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-status-change-"));
  const databaseUrl = given ?? `file:${path.join(dir!, "bench.db")}`;
  migrateDatabase(databaseUrl, { quiet: true });
  const db = createPrismaClient(databaseUrl, { logQueries: true });
  let statements: string[] = [];
  (db as unknown as { $on: (event: "query", listener: (event: { query: string }) => void) => void }).$on("query", (event) => void statements.push(event.query));
  try {
    const data = await setUp(db);
    for (const [label, claimId] of Object.entries(data.claims)) {
      let { revision, status } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true, status: true } });
      // "In progress" ⇄ "Needs review", as the bench's editors do.
      const once = async () => {
        status = status === "in_progress" ? "needs_review" : "in_progress";
        const change = await changeStatus(db, { ...data, claimId, revision, status: status as "in_progress" | "needs_review" });
        revision = change.claim.revision;
      };
      for (let warm = 0; warm < 20; warm += 1) await once();
      statements = [];
      await once();
      const one = [...statements];
      if (isLogged) console.log(`--- ${label}: the statements of one change\n${one.map((sql, index) => `${String(index + 1).padStart(2)}. ${sql}`).join("\n")}`);
      const times: number[] = [];
      const cpuBefore = process.cpuUsage();
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        await once();
        times.push(performance.now() - started);
      }
      const cpu = process.cpuUsage(cpuBefore);
      console.log(
        `${label}: ${one.length} statements a change; ${runs} changes: median ${round(median(times))} ms, ` +
          `CPU ${round((cpu.user + cpu.system) / 1000 / runs)} ms a change (load average ${os.loadavg()[0]!.toFixed(1)})`,
      );
    }
  } finally {
    await db.$disconnect();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
