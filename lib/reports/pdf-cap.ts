import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { NoFreeSlot, withSlot, type SlotCap, type SlotsDb } from "@/lib/limits/slots";
import { createLimiter } from "./limiter";

/**
 * How many PDF reports are made at once: PDF_CONCURRENCY for the whole deployment, however many
 * server processes and machines serve it (docs/decisions/0015-several-app-processes.md). A PDF
 * costs seconds of a core and, printed by Chromium, a browser page; one more waits for a free
 * slot rather than slowing down the ones being made. Slots are leased in the database
 * (lib/limits/slots.ts): a process killed mid-report frees its slot when the lease runs out.
 */
const LEASE_MS = 30_000;
/** Beyond this, an export is refused with a message rather than kept waiting (a proxy would time it out). */
const WAIT_MS = 60_000;
const POLL_MS = 200;

let local: { size: number; run: ReturnType<typeof createLimiter> } | undefined;

/**
 * Runs `makePdf` holding one of the deployment's PDF slots. Within a process, waiting exports
 * queue in arrival order and only the first in line asks the database; across processes, the
 * first to ask after a slot is freed gets it.
 */
export async function withPdfSlot<T>(db: SlotsDb, makePdf: () => Promise<T>, options: { env?: Env; waitMs?: number } = {}): Promise<T> {
  const size = (options.env ?? getEnv()).PDF_CONCURRENCY;
  if (local?.size !== size) local = { size, run: createLimiter(size) };
  const deadline = Date.now() + (options.waitMs ?? WAIT_MS);
  try {
    return await local.run(() => {
      const cap: SlotCap = { name: "pdf", size, leaseMs: LEASE_MS, waitMs: Math.max(0, deadline - Date.now()), pollMs: POLL_MS };
      return withSlot(db, cap, makePdf);
    });
  } catch (error) {
    if (!(error instanceof NoFreeSlot)) throw error;
    throw new AppError(
      "RATE_LIMITED",
      `Other PDF reports are being made right now (at most ${size} at a time); nothing was exported. Try again in a minute: the other formats are not held up.`,
    );
  }
}
