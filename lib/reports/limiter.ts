/**
 * Runs at most `limit` tasks at once, the rest in arrival order. A finishing task hands its slot
 * straight to the next in line, so a newcomer cannot jump the queue and exceed the limit.
 */
export function createLimiter(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active < limit) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
