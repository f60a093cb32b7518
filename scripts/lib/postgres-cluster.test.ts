import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/tests/test-db";
import { findPostgresBin, stopAbandonedClusters } from "./postgres-cluster";

/** Whether something accepts connections on 127.0.0.1:port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/**
 * A run killed before it stops its server (kill -9, or SIGPIPE from `| head`) leaves a postmaster
 * behind; the next run's start stops it and removes its files, and leaves a live run's alone.
 */
describe.skipIf(testDatabaseKind !== "postgresql")("throwaway PostgreSQL servers", () => {
  it("a server whose run was killed is stopped and removed by the next start; a live run's server is kept", async () => {
    const bin = findPostgresBin();
    expect(bin, "PostgreSQL's server programs").not.toBeNull();
    const script = `import { startCluster } from "./scripts/lib/postgres-cluster.ts";
      const cluster = await startCluster();
      console.log(JSON.stringify({ port: cluster.port, dataDir: cluster.dataDir }));
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const started = await new Promise<{ port: number; dataDir: string }>((resolve, reject) => {
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split("\n").find((candidate) => candidate.startsWith("{"));
        if (line) resolve(JSON.parse(line));
      });
      child.once("exit", (code) => reject(new Error(`the child exited (${code}) before its server started`)));
    });
    try {
      expect(await isListening(started.port)).toBe(true);
      // While its run lives, the server is not abandoned.
      expect(stopAbandonedClusters(bin!)).not.toContain(started.dataDir);
      expect(await isListening(started.port)).toBe(true);

      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      expect(await isListening(started.port), "the killed run's server outlives it").toBe(true);

      expect(stopAbandonedClusters(bin!)).toContain(started.dataDir);
      expect(await isListening(started.port)).toBe(false);
      expect(fs.existsSync(started.dataDir)).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }, 60_000);
});
