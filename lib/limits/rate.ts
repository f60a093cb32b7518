/**
 * A rate as operators write it: `5/15m` is five in any fifteen minutes. Several rates for one
 * throttle (`5/15m,20/24h`) must all allow a request; `off` turns the throttle off.
 */
export type Rate = { count: number; windowMs: number };

const UNITS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export type ParsedRates = { ok: true; rates: Rate[] } | { ok: false; message: string };

export function parseRates(text: string): ParsedRates {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "off") return { ok: true, rates: [] };
  const rates: Rate[] = [];
  for (const part of trimmed.split(",").map((item) => item.trim())) {
    const match = /^(\d+)\s*\/\s*(\d*)\s*([smhd])$/.exec(part);
    const count = Number(match?.[1]);
    const windowMs = Number(match?.[2] || 1) * UNITS[(match?.[3] ?? "s") as keyof typeof UNITS];
    if (!match || count < 1 || windowMs < 1_000 || !Number.isSafeInteger(count)) {
      return { ok: false, message: `"${part}" is not a rate: write a count per time, such as 5/15m, 100/1h or 20/1d (or "off")` };
    }
    rates.push({ count, windowMs });
  }
  return { ok: true, rates };
}

/** `5/15m` again, for keys and messages. */
export function formatRate(rate: Rate): string {
  for (const [unit, ms] of Object.entries(UNITS).reverse()) {
    if (rate.windowMs % ms === 0) return `${rate.count}/${rate.windowMs / ms}${unit}`;
  }
  return `${rate.count}/${rate.windowMs}ms`;
}

/** "45 seconds", "1 minute", "72 minutes": a wait as a person reads it, rounded up. */
export function describeWait(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.ceil(ms / 1_000));
    return seconds === 1 ? "1 second" : `${seconds} seconds`;
  }
  const minutes = Math.ceil(ms / 60_000);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
