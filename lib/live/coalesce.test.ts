import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalesce } from "./coalesce";

describe("coalesce", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("runs once for a burst, a quiet moment after its last request", () => {
    let runs = 0;
    const refresh = coalesce(() => runs++, { quietMs: 150, maxWaitMs: 1_000 });
    for (let i = 0; i < 5; i++) {
      refresh.request();
      vi.advanceTimersByTime(50);
    }
    expect(runs).toBe(0);
    vi.advanceTimersByTime(100);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(5_000);
    expect(runs).toBe(1);
  });

  it("runs within the longest wait while requests keep coming, once per wait", () => {
    let runs = 0;
    const refresh = coalesce(() => runs++, { quietMs: 150, maxWaitMs: 1_000 });
    // A request every 100 ms for 2.5 s: never a quiet 150 ms.
    for (let elapsed = 0; elapsed < 2_500; elapsed += 100) {
      refresh.request();
      vi.advanceTimersByTime(100);
      if (elapsed === 900) expect(runs).toBe(1);
    }
    expect(runs).toBe(2);
    vi.advanceTimersByTime(150);
    expect(runs).toBe(3);
  });

  it("runs nothing once cancelled", () => {
    let runs = 0;
    const refresh = coalesce(() => runs++, { quietMs: 150, maxWaitMs: 1_000 });
    refresh.request();
    refresh.cancel();
    vi.advanceTimersByTime(2_000);
    expect(runs).toBe(0);
  });
});
