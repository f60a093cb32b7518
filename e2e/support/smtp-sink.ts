/**
 * An SMTP server for the e2e run (nodemailer's smtp-server) on loopback: it accepts every message
 * without authentication or TLS and writes it, raw, to its own folder (one .eml file each).
 */
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export async function startSmtpSink(options: { port: number; dir: string }): Promise<{ close: () => Promise<void> }> {
  fs.rmSync(options.dir, { recursive: true, force: true });
  fs.mkdirSync(options.dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    name: "smtp-sink.e2e.test",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    closeTimeout: 1_000,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const name = `${Date.now()}-${String(++count).padStart(4, "0")}.eml`;
        const temporary = path.join(options.dir, `.${name}.tmp`);
        // Written then renamed, so a reader never sees half a message.
        fs.promises
          .writeFile(temporary, Buffer.concat(chunks))
          .then(() => fs.promises.rename(temporary, path.join(options.dir, name)))
          .then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  server.on("error", (error) => console.error("SMTP sink error", error));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
