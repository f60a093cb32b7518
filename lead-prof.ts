import fs from "node:fs";
import { createPrismaClient } from "./lib/config/prisma-client";
import { createThrowawayDatabase } from "./scripts/lib/throwaway-database";
import { seedBench } from "./scripts/bench/seed";
import { startServer } from "./scripts/bench/server";
import { signIn } from "./scripts/bench/session";
import { BENCH_PASSWORD } from "./scripts/bench/seed-team";
import { measureThroughput } from "./scripts/bench/load";

async function main() {
  const profDir = process.argv[2];
  const database = await createThrowawayDatabase("sqlite", { name: "lead_prof" });
  const db = createPrismaClient(database.url);
  const data = await seedBench(db);
  const server = await startServer(database.url, profDir ? { nodeArgs: ["--cpu-prof", "--cpu-prof-dir", profDir] } : {});
  try {
    const cookie = await signIn(server.baseUrl, data.editors[0]!.email, BENCH_PASSWORD);
    const headers = { Cookie: cookie };
    const page = `${server.baseUrl}/t/${data.slug}/articles/${data.smallArticleId}`;
    const html = await (await fetch(page, { headers })).text();
    console.log("typical page bytes", html.length);
    for (let round = 0; round < 2; round++) {
      const health = await measureThroughput(`${server.baseUrl}/api/health`, headers, { connections: 10, seconds: 8 });
      const small = await measureThroughput(page, headers, { connections: 10, seconds: 8 });
      console.log(`health ${health.requestsPerSecond.toFixed(1)}/s typical ${small.requestsPerSecond.toFixed(1)}/s ratio ${(small.requestsPerSecond / health.requestsPerSecond).toFixed(3)}`);
    }
  } finally {
    await server.stop();
    await db.$disconnect();
    await database.remove();
  }
}
void main();
