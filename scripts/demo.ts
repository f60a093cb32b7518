/**
 * `npm run demo`: set up, install Chromium for PDF reports when missing, seed the demo team, build
 * when the build is missing or older than the sources, and serve the app on http://localhost:3000
 * (PORT to change it). Prints the sign-in credentials once the server answers.
 * `npm run demo -- --build` always builds; `npm run demo -- --no-build` serves .next as it is.
 */
import { execFileSync, spawn } from "node:child_process";
import { DEMO_PASSWORD, DEMO_TEAM, DEMO_USERS } from "../prisma/demo-data";
import { appServerArgs } from "./lib/app-server";
import { prepareBuild } from "./lib/build";

const port = process.env.PORT ?? "3000";
const run = (args: string[]) => execFileSync("npm", args, { stdio: "inherit" });

run(["run", "setup"]);
// PDF reports are printed by Chromium; without it every other format still works.
try {
  execFileSync("bash", ["scripts/ensure-chromium.sh"], { stdio: "inherit" });
} catch {
  console.warn("Chromium is not available: PDF export will say so; every other export works.");
}
run(["run", "db:seed"]);
// A second start reuses the build: building takes minutes, and nothing changed since.
prepareBuild(process.argv.slice(2));

// The app's own server, as `npm start` runs it (server.ts), on the chosen port.
const server = spawn(process.execPath, appServerArgs({ port }), { stdio: "inherit" });
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));

void waitForServer(`http://localhost:${port}/sign-in`).then(() => {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  console.log(`\n  FactDesk is running at http://localhost:${port}\n`);
  console.log(`  Sign in to "${DEMO_TEAM.name}" with password ${DEMO_PASSWORD} as:`);
  for (const user of DEMO_USERS) console.log(`    ${user.email.padEnd(width)}  (${user.role})`);
  console.log("\n  Stop with Ctrl+C.\n");
});

async function waitForServer(url: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
