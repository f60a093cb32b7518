/**
 * Runs `run` once for a burst of requests: `quietMs` after the last request, but never later than
 * `maxWaitMs` after the first one still waiting, so a steady stream of colleagues' changes still
 * shows within `maxWaitMs` instead of waiting for a pause that never comes.
 */
export function coalesce(run: () => void, { quietMs, maxWaitMs }: { quietMs: number; maxWaitMs: number }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | null = null;
  const fire = () => {
    timer = undefined;
    firstAt = null;
    run();
  };
  return {
    request() {
      const now = Date.now();
      firstAt ??= now;
      clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now)));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      firstAt = null;
    },
  };
}
