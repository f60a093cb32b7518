import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { createPrismaClient, type Db } from "../lib/config/prisma-client";
import { appServerArgs } from "../scripts/lib/app-server";
import { readActionIds } from "../scripts/load/actions";
import { seedLoadTeam } from "../scripts/load/seed";
import { listChildPids, startServer, waitForOutput, type RunningServer } from "../scripts/load/server";
import { signInEditors } from "../scripts/load/sign-in";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../scripts/lib/throwaway-database";
import { E2E_PORT } from "./support/constants";
import { findPartialWrites } from "./support/load-invariants";
import { startWriters } from "./support/load-writers";

/**
 * A newsroom's deployment: PostgreSQL and two server processes (SERVER_PROCESSES=2). One process
 * is killed with SIGKILL while editors write; the other keeps serving, the supervisor starts a
 * replacement, and every write an editor saw acknowledged is in the database, whole. Runs on a
 * PostgreSQL server and an app server of its own, whatever database the rest of the run uses.
 */
const PORT = E2E_PORT + 60;
/** Requests sent this long after the kill must succeed: only those in flight, or on a connection to the dead process, may fail. */
const KILL_GRACE_MS = 1_000;

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** GET /api/health (one database read) on a connection of its own: the supervisor hands each new connection to a live process. */
function checkHealthOnNewConnection(): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "localhost", port: PORT, path: "/api/health", agent: false, timeout: 10_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
  });
}

let database: ThrowawayDatabase | undefined;
let db: Db | undefined;
let server: RunningServer | undefined;

test.afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
  await database?.remove();
});

test("PostgreSQL, two server processes, one killed mid-write: the other keeps serving, a replacement starts, and every acknowledged write is there", async () => {
  test.setTimeout(180_000);
  database = await createThrowawayDatabase("postgresql", { name: "factdesk_processes" });
  db = createPrismaClient(database.url);
  const team = await seedLoadTeam(db, { editors: 6, articles: 1, claimsPerArticle: 4 });
  server = await startServer({ port: PORT, databaseUrl: database.url, processes: 2 });
  const running = server;
  const [victim, survivor] = listChildPids(running.child.pid!);
  expect(survivor, "two server processes").toBeDefined();

  const writers = startWriters({ sessions: await signInEditors(running.url, team), team, actionIds: readActionIds() });
  await waitFor(() => writers.acknowledged.claims.length >= 10, "the first writes");

  const killedAt = Date.now();
  writers.tolerateUntil(killedAt + KILL_GRACE_MS);
  process.kill(victim, "SIGKILL");
  await waitForOutput(running.output, new RegExp(`server process ${victim} ended \\(killed by SIGKILL\\)`), running.child, 10_000);
  // Between the death and the replacement's start, new connections go to the survivor.
  const health = await Promise.all([0, 1, 2, 3].map(() => checkHealthOnNewConnection()));
  const isReplacementServing = () => /server process \d+ serving/.test(running.output());
  const healthBeforeReplacement = !isReplacementServing();
  expect(health).toEqual([200, 200, 200, 200]);

  await waitForOutput(running.output, /server process \d+ serving/, running.child, 60_000);
  const replacedAt = Date.now();
  const pids = listChildPids(running.child.pid!);
  expect(pids).toHaveLength(2);
  expect(pids).toContain(survivor);
  expect(pids).not.toContain(victim);
  const acknowledgedWhileOneServed = writers.acknowledgedAt.filter((at) => at > killedAt && at < replacedAt).length;

  const afterReplacement = writers.acknowledged.claims.length;
  await waitFor(() => writers.acknowledged.claims.length >= afterReplacement + 10, "writes after the replacement started");
  writers.stop();
  await writers.finished();
  expect(writers.errors).toEqual([]);
  await running.stop();
  console.log(
    `killed ${victim} at ${writers.acknowledgedAt.filter((at) => at <= killedAt).length} acknowledged writes; ` +
      `${acknowledgedWhileOneServed} acknowledged in the ${replacedAt - killedAt} ms until the replacement served` +
      `${healthBeforeReplacement ? " (health checks answered by the survivor alone)" : ""}; ` +
      `${writers.acknowledgedAt.length} in all, ${writers.unknownOutcomes()} of unknown outcome`,
  );
  expect(acknowledgedWhileOneServed).toBeGreaterThan(0);

  const { acknowledged } = writers;
  const present = async (ids: string[], table: "claim" | "citation") =>
    (table === "claim" ? db!.claim.findMany({ where: { id: { in: ids } }, select: { id: true } }) : db!.citation.findMany({ where: { id: { in: ids } }, select: { id: true } }))
      .then((rows) => new Set(rows.map((row) => row.id)));
  const claims = await present(acknowledged.claims, "claim");
  expect(acknowledged.claims.filter((id) => !claims.has(id))).toEqual([]);
  const citations = await present(acknowledged.citations, "citation");
  expect(acknowledged.citations.filter((id) => !citations.has(id))).toEqual([]);
  for (const [claimId, count] of acknowledged.commentsByClaim) expect(await db.claimComment.count({ where: { claimId } }), claimId).toBeGreaterThanOrEqual(count);
  for (const [claimId, count] of acknowledged.verdictsByClaim) {
    const { revision } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true } });
    expect(revision - 1, claimId).toBeGreaterThanOrEqual(count);
  }
  expect(await findPartialWrites(db, team.teamId)).toEqual({});
});

test("a port already in use: the server says so and exits 1, alone or under the supervisor (which stops replacing processes that keep dying)", async () => {
  test.setTimeout(90_000);
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(PORT + 1, "127.0.0.1", resolve));
  try {
    for (const processes of [1, 2]) {
      // The database is never reached: the server fails before its first request.
      const env = { ...process.env, NODE_ENV: "production" as const, NEXTAUTH_SECRET: "s".repeat(40), DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", SERVER_PROCESSES: String(processes) };
      const child = spawn(process.execPath, appServerArgs({ port: PORT + 1, hostname: "127.0.0.1" }), { env, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          resolve(null);
        }, 30_000);
        child.once("exit", (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      expect(code, output).toBe(1);
      expect(output).toContain(`FactDesk cannot listen on http://127.0.0.1:${PORT + 1}`);
      if (processes > 1) expect(output).toContain("processes keep ending, so the server stops");
    }
  } finally {
    blocker.close();
  }
});
