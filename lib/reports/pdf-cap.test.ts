import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { tryTakeSlot, releaseSlot } from "@/lib/limits/slots";
import { setUpTestDatabase } from "@/tests/test-db";
import { withPdfSlot } from "./pdf-cap";

const db = setUpTestDatabase();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("withPdfSlot", () => {
  it("makes at most PDF_CONCURRENCY PDFs at once, the rest in turn", async () => {
    const env = { ...getEnv(), PDF_CONCURRENCY: 1 };
    let active = 0;
    let peak = 0;
    const made = await Promise.all([1, 2, 3].map((number) => withPdfSlot(db, async () => {
      peak = Math.max(peak, (active += 1));
      await pause(20);
      active -= 1;
      return number;
    }, { env })));
    expect(made).toEqual([1, 2, 3]);
    expect(peak).toBe(1);
  });

  it("says so, and makes nothing, while another process holds every slot past the wait", async () => {
    const env = { ...getEnv(), PDF_CONCURRENCY: 1 };
    const elsewhere = await tryTakeSlot(db, { name: "pdf", size: 1, leaseMs: 30_000 }, "another process");
    let made = false;
    await expect(withPdfSlot(db, async () => (made = true), { env, waitMs: 100 })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Other PDF reports are being made right now \(at most 1 at a time\); nothing was exported\./),
    });
    expect(made).toBe(false);
    await releaseSlot(db, elsewhere!);
    await expect(withPdfSlot(db, async () => "made", { env, waitMs: 100 })).resolves.toBe("made");
  });
});
